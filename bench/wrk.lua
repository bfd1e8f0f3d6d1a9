-- wrk script of bench/run.sh: every request carries one of the session cookies in
-- BENCH_SESSIONS (space-separated; none for /healthz), in turn, so the sessions
-- that SESSION_SAVE_EVERY_REQUEST rewrites are several rows, as with several
-- officers. Headers given with wrk -H are kept. done() prints one JSON line that run.sh collects.

local sessions = {}
for key in string.gmatch(os.getenv("BENCH_SESSIONS") or "", "%S+") do
  table.insert(sessions, key)
end
local counter = 0

request = function()
  counter = counter + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end  -- wrk -H ...
  if #sessions > 0 then
    headers["Cookie"] = "sessionid=" .. sessions[(counter % #sessions) + 1]
  end
  return wrk.format("GET", nil, headers)
end

done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "rps": %.1f, "mean_us": %.0f, '
      .. '"p50_us": %d, "p90_us": %d, "p95_us": %d, "p99_us": %d, "max_us": %d, '
      .. '"non_2xx_3xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency.mean, latency:percentile(50), latency:percentile(90),
    latency:percentile(95), latency:percentile(99), latency.max, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout))
end
