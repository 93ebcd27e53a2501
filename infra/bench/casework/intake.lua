-- wrk script for POST /api/v1/cases (intake) as a clerk: every request a new application of 最低生活保障申请
-- (MZ-0001) with every mandatory material marked, so each one is accepted (受理); a fresh Idempotency-Key and a
-- valid resident ID number (GB 11643 check character) each time. BENCH_TOKENS holds one bearer token per window
-- (comma-separated): wrk thread n takes in at window n (run.sh starts one thread per connection). Prints one
-- machine-readable "BENCH ..." line that run.sh parses (latencies in ms); non-201 answers count as errors.
local tokens = {}
for token in string.gmatch(os.getenv("BENCH_TOKENS"), "[^,]+") do table.insert(tokens, token) end
local token
local threads = {}
local counter = 0
local names = { "王秀英", "李建国", "张桂兰", "刘志强", "陈玉梅", "杨德福", "赵淑珍", "孙海燕", "周立新", "吴春花" }
local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  token = tokens[(id - 1) % #tokens + 1]
end

local function resident_id()
  local birth = os.date("!%Y%m%d", -631152000 + math.random(0, 40 * 365) * 86400) -- born 1950…1990
  local body = "370321" .. birth .. string.format("%03d", math.random(0, 999))
  local sum = 0
  for i = 1, 17 do sum = sum + tonumber(body:sub(i, i)) * weights[i] end
  local r = sum % 11 + 1
  return body .. checks:sub(r, r)
end

function request()
  counter = counter + 1
  local name = names[math.random(#names)]
  local id_number = resident_id()
  local body = '{"itemCode":"MZ-0001","applicant":{"kind":"PERSON","name":"' .. name
    .. '","idNumber":"' .. id_number .. '"},"materials":{'
    .. '"ID_CARD":{"kind":"GOVERNMENT_DATA","note":"电子身份证"},'
    .. '"HOUSEHOLD_REGISTER":{"kind":"PAPER_SEEN"},'
    .. '"INCOME_STATEMENT":{"kind":"PAPER_SEEN"},'
    .. '"CHECK_AUTHORISATION":{"kind":"PAPER_SEEN"},'
    .. '"FAMILY_ASSETS":{"kind":"GOVERNMENT_DATA","note":"核对报告"}},'
    -- the item's application form (申请表): the applicant as the one household member
    .. '"form":{"householdSize":1,"members":[{"name":"' .. name .. '","idNumber":"' .. id_number
    .. '","relation":"本人","monthlyIncome":300}],"monthlyHouseholdIncome":300,"reason":"年老体弱，无固定收入",'
    .. '"bankName":"桓台农商银行","bankAccount":"6228480012345678","phone":"13805331234"}}'
  return wrk.format("POST", nil, {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Accept"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", id, os.time(), counter),
  }, body)
end

function response(status, headers, body)
  if status ~= 201 then
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
