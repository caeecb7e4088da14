-- POST /ping: the baseline. The same deliveries as webhook.lua, built and signed the same way for every request,
-- so wrk spends the same CPU on each request of either scenario and the difference is the server's alone.
--   wrk -t2 -c16 -d30s --latency -s ping.lua http://127.0.0.1:8091/ping -- <app secret> <run tag>
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "webhook.lua")
