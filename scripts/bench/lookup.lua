-- wrk: POST /subjects/{s} (is this schema registered here?) for existing schemas, a different subject each
-- request. Requests are formatted once at start (see get_by_id.lua).
local count = tonumber(os.getenv("SCHEMA_COUNT") or "10000")
local requests = {}
local counter = 0
init = function(args)
  local headers = { ["Content-Type"] = "application/vnd.schemaregistry.v1+json" }
  for n = 1, count do
    local i = (n * 7919) % count
    local schema = '{"type":"record","name":"Event' .. i .. '","namespace":"bench","fields":[{"name":"id","type":"long"},{"name":"f' .. i .. '","type":"string"}]}'
    local body = '{"schema":"' .. schema:gsub('"', '\\"') .. '"}'
    requests[n] = wrk.format("POST", "/subjects/bench-" .. i .. "-value", headers, body)
  end
end
request = function()
  counter = counter % count + 1
  return requests[counter]
end
