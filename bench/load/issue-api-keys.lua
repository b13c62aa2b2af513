-- wrk script: issues API keys for a tenant as fast as the connections allow.
-- Usage: wrk ... -s issue-api-keys.lua <url> -- <tenant> <ids-file-prefix>
-- Each wrk thread writes the ids of the keys it was answered with to <ids-file-prefix>.<thread>,
-- so the revocation phase can revoke exactly those. done() prints one JSON line with the figures.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  ids = io.open(args[2] .. "." .. thread_number, "w")
  ids:setvbuf("line")
  wrk.method = "POST"
  wrk.path = "/tenants/" .. args[1] .. "/api-keys"
  wrk.headers["Content-Type"] = "application/json"
  -- A dashboard session: the token-service refuses every management call without one.
  local session = os.getenv("KEYGATE_SESSION_TOKEN")
  if session then
    wrk.headers["Authorization"] = "Bearer " .. session
  end
  wrk.body = '{"name":"bench","scopes":["orders:read"]}'
  issue = wrk.format()
end

function request()
  return issue
end

function response(status, headers, body)
  if status == 201 then
    ids:write(body:match('"id"%s*:%s*"([^"]+)"'), "\n")
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
