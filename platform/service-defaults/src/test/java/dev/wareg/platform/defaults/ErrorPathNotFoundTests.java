package dev.wareg.platform.defaults;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** Asked directly, Boot's error path is nothing (404), not the 500 of its controller without an error to show. */
class ErrorPathNotFoundTests {

    /** As Boot's error controller answers when no error was forwarded to it. */
    @RestController
    static class ErrorPage {

        @GetMapping("/error")
        ResponseEntity<String> error() {
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("{\"status\":999}");
        }

        @GetMapping("/errors")
        String errors() {
            return "{}";
        }
    }

    private final MockMvcTester mvc = MockMvcTester.create(MockMvcBuilders.standaloneSetup(new ErrorPage())
            .addFilters(new ErrorPathNotFound("/error", JsonMapper.builder().build())).build());

    @Test
    void aRequestForTheErrorPathIsNotFoundWithAProblem() {
        for (String path : new String[] {"/error", "/error/"}) {
            assertThat(mvc.get().uri(path).exchange()).as(path)
                    .hasStatus(HttpStatus.NOT_FOUND)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isLenientlyEqualTo("""
                            {"type": "/problems/not-found", "status": 404}
                            """);
        }
    }

    @Test
    void otherPathsAndTheContainersErrorDispatchesPassThrough() {
        assertThat(mvc.get().uri("/errors").exchange()).hasStatus(HttpStatus.OK);
        assertThat(mvc.get().uri("/error").with(request -> {
            request.setDispatcherType(DispatcherType.ERROR);
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/fails");
            return request;
        }).exchange()).hasStatus(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
