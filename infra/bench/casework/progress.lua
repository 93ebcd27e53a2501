-- wrk script for the public GET /api/v1/progress/{caseNumber}?code= (no token) over the generated cases: case n
-- (1…BENCH_ROWS) has the number 370321-<BENCH_BASE_EPOCH + n / 2000 days>-<n % 2000 + 1, 6 digits> and the check code
-- BENCH_CODE (generate.sql). Every lookup is right, so the throttle (wrong codes only) never answers 429.
-- Prints one "BENCH ..." line that run.sh parses (latencies in ms).
local rows = tonumber(os.getenv("BENCH_ROWS"))
local code = os.getenv("BENCH_CODE")
local first_day = tonumber(os.getenv("BENCH_BASE_EPOCH")) -- midnight UTC of the day of case 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
end

function request()
  local n = math.random(1, rows)
  local day = os.date("!%Y%m%d", first_day + math.floor(n / 2000) * 86400)
  local number = string.format("370321-%s-%06d", day, n % 2000 + 1)
  return wrk.format("GET", "/api/v1/progress/" .. number .. "?code=" .. code, { ["Accept"] = "application/json" })
end

function response(status, headers, body)
  if status ~= 200 then
    wrk.thread:set("last_error", status .. " " .. body:sub(1, 300))
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  for _, thread in ipairs(threads) do
    local last = thread:get("last_error")
    if last then io.stderr:write("last error: " .. last .. "\n") end
  end
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1e3, latency:percentile(90) / 1e3, latency:percentile(99) / 1e3,
    latency.max / 1e3, e.connect + e.read + e.write + e.timeout + e.status))
end
