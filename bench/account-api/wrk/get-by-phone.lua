-- GET /v1/accounts?phone=<E.164>, rotating through every seeded phone, with the launcher's bearer token.
-- Each wrk thread starts at its own place in the list, so threads do not ask for the same account in step.
--   wrk -t2 -c32 -d30s --latency -s get-by-phone.lua http://127.0.0.1:8090 -- <dir>
-- <dir> holds token.txt and accounts.csv (id,phone,version), written by the launcher (BenchAccountApi).

local started = 0

function setup(thread)
  thread:set("thread_number", started)
  started = started + 1
end

local function first_line(path)
  local file = assert(io.open(path, "r"))
  local line = file:read("*l")
  file:close()
  return line
end

function init(args)
  local dir = assert(args[1], "usage: ... -- <dir with token.txt and accounts.csv>")
  local headers = { ["Authorization"] = first_line(dir .. "/token.txt") }
  requests = {}
  for line in io.lines(dir .. "/accounts.csv") do
    local phone = assert(line:match("^[^,]+,%+(%d+),"), "not an accounts.csv line: " .. line)
    requests[#requests + 1] = wrk.format("GET", "/v1/accounts?phone=%2B" .. phone, headers)
  end
  assert(#requests > 0, dir .. "/accounts.csv is empty")
  -- thread_number was set by setup() in this thread's state.
  next_request = (thread_number * 7919) % #requests + 1
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  return r
end
