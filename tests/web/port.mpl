# Serves on the port given as the argument (crates/meshc/tests/web_http.rs: a port in use).
fn main() do
  let port = case String.to_int(List.head(Env.args())) do
    Some(n) -> n
    None -> 0
  end
  HTTP.router() |> HTTP.on_get("/", fn _ -> HTTP.response(200, "{}") end) |> HTTP.serve(port)
end
