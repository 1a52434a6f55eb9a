-- wrk script of benchmarks/http.sh: every request is the same binary-mode CloudEvent POST
-- (attributes in ce- headers, the JSON record as the body) to the URL's path, and every response
-- whose status is not 2xx is counted. At the end it prints
--   non-2xx: <count>
--   first-non-2xx: <status> <the first 200 bytes of its body>   (only when there was one)
-- which http.sh adds to wrk's socket errors.

wrk.method = "POST"
wrk.body = '{"message":"hello"}'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["ce-specversion"] = "1.0"
wrk.headers["ce-id"] = "1"
wrk.headers["ce-source"] = "/bench"
wrk.headers["ce-type"] = "uppercase"

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  first = ""
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
    if first == "" then
      first = status .. " " .. string.sub(body or "", 1, 200)
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  local sample = ""
  for _, thread in ipairs(threads) do
    total = total + (thread:get("non2xx") or 0)
    local f = thread:get("first") or ""
    if sample == "" and f ~= "" then
      sample = f
    end
  end
  io.write(string.format("non-2xx: %d\n", total))
  if sample ~= "" then
    io.write("first-non-2xx: " .. string.gsub(sample, "[\r\n]", " ") .. "\n")
  end
end
