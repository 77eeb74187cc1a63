-- wrk: GET /schemas/ids/{id} over ids 1..SCHEMA_COUNT, a different id each request. The requests are formatted
-- once at start so that the load generator, which shares the machine's cores with the server, spends its time
-- sending rather than building strings.
local count = tonumber(os.getenv("SCHEMA_COUNT") or "10000")
local requests = {}
local counter = 0
init = function(args)
  for i = 1, count do
    requests[i] = wrk.format("GET", "/schemas/ids/" .. ((i * 7919) % count + 1))
  end
end
request = function()
  counter = counter % count + 1
  return requests[counter]
end
