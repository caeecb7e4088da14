-- PATCH /v1/accounts/{id} as a well-behaved writer: If-Match with the version it last saw, a JSON Merge Patch
-- that changes the e-mail to a value other than the current one (it alternates with the version's parity, so
-- no patch is a no-op that would keep the version).
--   wrk -t2 -c32 -d30s --latency -s patch.lua http://127.0.0.1:8090 -- <dir> <first> <count> <threads>
-- <dir> holds token.txt and accounts.csv (id,phone,version) from the launcher. The run uses the <count> accounts
-- from line <first> (1-based); each of the <threads> wrk threads owns a disjoint slice of them and goes round
-- them in turn, so no two requests for one account are in flight at once as long as a slice has more accounts
-- than the thread has connections. Each account's version is taken from the ETag of the last response for it,
-- whose id comes from the response body (wrk does not say which request a response answers).
-- A 412 (stale version) is counted, and the account is read again (GET) before its next change; done() prints
-- the counts, since wrk's own summary lumps every non-2xx together.

local threads = {}

function setup(thread)
  thread:set("thread_number", #threads)
  threads[#threads + 1] = thread
end

local function first_line(path)
  local file = assert(io.open(path, "r"))
  local line = file:read("*l")
  file:close()
  return line
end

function init(args)
  local dir = assert(args[1], "usage: ... -- <dir> <first> <count> <threads>")
  local first, count, thread_count = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
  assert(first and count and thread_count, "usage: ... -- <dir> <first> <count> <threads>")
  local slice = math.floor(count / thread_count)
  assert(slice > 0, "fewer accounts than threads")
  local from = first + thread_number * slice
  local to = from + slice - 1

  token = first_line(dir .. "/token.txt")
  ids, versions = {}, {}
  local n = 0
  for line in io.lines(dir .. "/accounts.csv") do
    n = n + 1
    if n >= from and n <= to then
      local id, version = line:match("^([^,]+),[^,]+,(%d+)$")
      assert(id, "not an accounts.csv line: " .. line)
      ids[#ids + 1] = id
      versions[id] = tonumber(version)
    end
  end
  assert(#ids == slice, "accounts.csv has fewer than " .. to .. " accounts")
  next_account = 1
  changed, stale, rereads, failed = 0, 0, 0, 0
end

function request()
  local id = ids[next_account]
  next_account = next_account % #ids + 1
  local version = versions[id]
  if version == nil then
    return wrk.format("GET", "/v1/accounts/" .. id, { ["Authorization"] = token })
  end
  local email = (version % 2 == 0) and "bench-even@example.com" or "bench-odd@example.com"
  return wrk.format("PATCH", "/v1/accounts/" .. id, {
    ["Authorization"] = token,
    ["Content-Type"] = "application/merge-patch+json",
    ["If-Match"] = '"' .. version .. '"',
  }, '{"email":"' .. email .. '"}')
end

function response(status, headers, body)
  if status == 200 then
    local id = body:match('"id":"([%x-]+)"')
    local version = tonumber((headers["ETag"] or ""):match('^"(%d+)"$'))
    if id and version and versions[id] ~= nil then
      changed = changed + 1
    else
      rereads = rereads + 1
    end
    if id and version then
      versions[id] = version
    end
  elseif status == 412 then
    stale = stale + 1
    local id = body:match('"instance":"/v1/accounts/([%x-]+)"')
    if id then
      versions[id] = nil
    end
  else
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local totals = { changed = 0, stale = 0, rereads = 0, failed = 0 }
  for _, thread in ipairs(threads) do
    for name in pairs(totals) do
      totals[name] = totals[name] + (thread:get(name) or 0)
    end
  end
  io.write(string.format("PATCH responses: %d changed (200), %d stale (412), %d re-read (GET), %d other\n",
    totals.changed, totals.stale, totals.rereads, totals.failed))
end
