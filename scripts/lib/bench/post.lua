-- wrk script: every request is a POST of the JSON file named by BENCH_BODY_FILE (scripts/bench sets it).
-- Each "{unique}" in the file becomes a token that no other request of the bench run uses: letters and digits
-- only (the phase BENCH_PHASE, "w" warm-up or "m" measured; the thread; "x"; a per-thread counter), so rows
-- that create records with unique names (Egresos' customers and brands) keep answering 201.
local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local template = file:read("*a")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

-- Runs in the main state, once per thread: number the threads.
local threads = 0
function setup(thread)
    threads = threads + 1
    thread:set("thread_number", threads)
end

if template:find("{unique}", 1, true) then
    local prefix, counter = "", 0
    function init(args)
        prefix = (os.getenv("BENCH_PHASE") or "r") .. tostring(thread_number or 0) .. "x"
    end
    -- A request function makes wrk build every request anew (with a static body it reuses one).
    function request()
        counter = counter + 1
        return wrk.format(nil, nil, nil, (template:gsub("{unique}", prefix .. counter)))
    end
else
    wrk.body = template
end
