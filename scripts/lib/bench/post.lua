-- wrk script: every request is a POST of the JSON file named by BENCH_BODY_FILE (scripts/bench sets it).
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
