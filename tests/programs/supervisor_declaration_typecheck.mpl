# A supervisor declaration with strategy, limits and child specs type-checks (not started).
actor job_runner() do
  receive do
    _ -> println("job received")
  end
end

supervisor Jobs do
  strategy: one_for_all
  max_restarts: 5
  max_seconds: 10

  child primary do
    start: fn -> spawn(job_runner) end
    restart: transient
    shutdown: 2000
  end

  child secondary do
    start: fn -> spawn(job_runner) end
    restart: temporary
    shutdown: brutal_kill
  end
end

pub supervisor Defaults do
  child only do
    start: fn -> spawn(job_runner) end
  end
end

fn main() do
  println("declared")
end
