# The HTTP benchmark's Mesh server: one JSON endpoint (bench/compare.py, group `http`).
fn hello(_req :: Request) -> Response do
  HTTP.response(200, "{\"message\":\"Hello, World!\"}")
end

fn main() do
  let port = case Env.get("PORT") do
    Some(p) -> case String.to_int(p) do
      Some(n) -> n
      None -> 8080
    end
    None -> 8080
  end
  HTTP.router() |> HTTP.on_get("/hello", hello) |> HTTP.serve(port)
end
