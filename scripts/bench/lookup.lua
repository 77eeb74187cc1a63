-- wrk: POST /subjects/{s} (is this schema registered here?) for existing schemas, a different subject each request.
local count = tonumber(os.getenv("SCHEMA_COUNT") or "10000")
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/vnd.schemaregistry.v1+json"
request = function()
  counter = counter + 1
  local i = (counter * 7919) % count
  local schema = '{"type":"record","name":"Event' .. i .. '","namespace":"bench","fields":[{"name":"id","type":"long"},{"name":"f' .. i .. '","type":"string"}]}'
  local body = '{"schema":"' .. schema:gsub('"', '\\"') .. '"}'
  return wrk.format(nil, "/subjects/bench-" .. i .. "-value", nil, body)
end
