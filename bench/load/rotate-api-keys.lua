-- wrk script: GETs one path, presenting the API keys of a file in turn (X-API-Key header), so every line of the
-- gateway benchmark sees the same requests: the same keys, the same path, the same headers, also where the
-- key is not checked (upstream directly, plain reverse proxy).
-- Usage: wrk ... -s rotate-api-keys.lua <url> -- <keys-file> <path>
-- Requests are formatted once in init(); each thread starts at another key. done() prints one JSON line with
-- the figures: errors counts every failure, status_errors the answers with a status of 400 or more among them.

local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  requests_of_thread = {}
  for key in io.lines(args[1]) do
    requests_of_thread[#requests_of_thread + 1] = wrk.format("GET", args[2], { ["X-API-Key"] = key })
  end
  if #requests_of_thread == 0 then
    error("no keys in " .. args[1])
  end
  -- Threads spread over the keys rather than presenting the same key at the same moment.
  next_request = (thread_number * 7919) % #requests_of_thread
end

function request()
  next_request = next_request % #requests_of_thread + 1
  return requests_of_thread[next_request]
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"errors":%d,"status_errors":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect + e.read + e.write + e.status + e.timeout, e.status))
end
