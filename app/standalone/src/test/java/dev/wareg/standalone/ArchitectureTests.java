package dev.wareg.standalone;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The module boundaries, checked on every build. Services and channels talk only through contracts (events on
 * the bus) and HTTP, never through each other's classes; the embedded default assembles them through their
 * application and configuration classes only; the shared schema and contracts stay free of frameworks; the
 * conversation never touches an adapter.
 */
@AnalyzeClasses(packages = "dev.wareg", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    private static final String[] SERVICES_AND_CHANNELS = {
            "dev.wareg.account..", "dev.wareg.chat..", "dev.wareg.worker..", "dev.wareg.webchat..",
            "dev.wareg.cloudapi..", "dev.wareg.whatsappweb.."};

    @ArchTest
    static final ArchRule servicesAndChannelsDoNotKnowEachOther = slices()
            .matching("dev.wareg.(account|chat|worker|webchat|cloudapi|whatsappweb)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule theEmbeddedDefaultUsesOnlyEachModulesEntryPoint = noClasses()
            .that().resideInAPackage("dev.wareg.standalone..")
            .should().dependOnClassesThat(resideInAnyPackage(SERVICES_AND_CHANNELS)
                    .and(not(annotatedWith(SpringBootApplication.class)))
                    .and(not(simpleNameEndingWith("Configuration"))));

    @ArchTest
    static final ArchRule contractsArePlainJava = classes()
            .that().resideInAPackage("dev.wareg.contracts..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.wareg.contracts..");

    @ArchTest
    static final ArchRule theFieldSchemaIsPlainJava = classes()
            .that().resideInAPackage("dev.wareg.fields..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "dev.wareg.fields..", "com.google.i18n.phonenumbers..");

    @ArchTest
    static final ArchRule theConversationDoesNotTouchAdapters = noClasses()
            .that().resideInAnyPackage("dev.wareg.chat.conversation..", "dev.wareg.chat.interpretation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "dev.wareg.chat.state..", "dev.wareg.chat.accountapi..", "dev.wareg.chat.postalcode..",
                    "org.springframework.web..", "org.springframework.http..", "org.springframework.jdbc..",
                    "org.springframework.data..", "org.springframework.amqp..", "java.net.http..");

    @ArchTest
    static final ArchRule onlyTheMessagingModuleKnowsBusAdapters = noClasses()
            .that().resideOutsideOfPackage("dev.wareg.platform.messaging..")
            .should().dependOnClassesThat().haveSimpleNameStartingWith("InProcess");

    @ArchTest
    static final ArchRule sharedPlatformCodeDoesNotDependOnServices = noClasses()
            .that().resideInAnyPackage("dev.wareg.platform..", "dev.wareg.fields..", "dev.wareg.contracts..")
            .should().dependOnClassesThat().resideInAnyPackage(SERVICES_AND_CHANNELS);
}
