-- wrk script: revokes the keys listed in a file, each once, as fast as the connections allow.
-- Usage: wrk -t <threads> ... -s revoke-api-keys.lua <url> -- <tenant> <ids-file> <threads>
-- Thread n of N revokes lines n, n+N, n+2N, ... of the file. A thread that runs out starts over (a repeated
-- revocation answers 200 without writing anything): the harness refuses a run that did more requests than
-- there were keys. done() prints one JSON line with the figures.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  local tenant = args[1]
  local all = {}
  for line in io.lines(args[2]) do
    all[#all + 1] = line
  end
  -- wrk calls each thread's init() right after its setup(), before the next thread exists: the thread count
  -- comes as an argument.
  local total = tonumber(args[3])
  local headers = { ["Content-Type"] = "application/json" }
  -- A dashboard session: the token-service refuses every management call without one.
  local session = os.getenv("KEYGATE_SESSION_TOKEN")
  if session then
    headers["Authorization"] = "Bearer " .. session
  end
  requests_of_thread = {}
  for i = thread_number, #all, total do
    requests_of_thread[#requests_of_thread + 1] = wrk.format(
      "POST", "/tenants/" .. tenant .. "/api-keys/" .. all[i] .. "/revoke", headers, '{"reason":"bench"}')
  end
  next_request = 0
end

function request()
  next_request = next_request % #requests_of_thread + 1
  return requests_of_thread[next_request]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout))
end
