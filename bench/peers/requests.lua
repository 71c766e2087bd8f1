-- wrk script for bench/peers/load.py: sends the bodies of $WRK_BODIES (one JSON body a line) in
-- turn as POSTs, or GETs where $WRK_BODIES is unset, and writes the run's figures as one JSON
-- object to $WRK_RESULT. Latencies are microseconds, as wrk measures them. $WRK_ACCEPT, where
-- set, is every request's Accept header (application/json+base64 for binary answers).

local bodies_file = os.getenv("WRK_BODIES")
local result_file = os.getenv("WRK_RESULT")
local accept = os.getenv("WRK_ACCEPT")
local requests_ = {}
local next_ = 0

function init(args)
    if bodies_file == nil or bodies_file == "" then
        requests_[1] = wrk.format("GET")
        return
    end
    local headers = { ["Content-Type"] = "application/json" }
    if accept ~= nil and accept ~= "" then
        headers["Accept"] = accept
    end
    for body in io.lines(bodies_file) do
        requests_[#requests_ + 1] = wrk.format("POST", nil, headers, body)
    end
end

function request()
    next_ = next_ % #requests_ + 1
    return requests_[next_]
end

function done(summary, latency, requests)
    local errors = summary.errors
    local out = io.open(result_file, "w")
    out:write(string.format(
        '{"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "p999_us": %d, '
            .. '"max_us": %d, "mean_us": %.1f, "connect_errors": %d, "read_errors": %d, "write_errors": %d, '
            .. '"non_2xx": %d, "timeouts": %d}\n',
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9), latency.max, latency.mean,
        errors.connect, errors.read, errors.write, errors.status, errors.timeout))
    out:close()
end
