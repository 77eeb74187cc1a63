-- wrk: GET /schemas/ids/{id} over ids 1..SCHEMA_COUNT, a different id each request.
local count = tonumber(os.getenv("SCHEMA_COUNT") or "10000")
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/schemas/ids/" .. ((counter * 7919) % count + 1))
end
