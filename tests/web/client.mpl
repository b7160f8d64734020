# HTTP client fixture for crates/meshc/tests/web_http.rs: runs requests against the base
# URL given as its argument (a running app.mpl) and prints what it got.

fn show(label :: String, r :: String!String) -> () do
  case r do
    Ok(body) -> println("${label}: ok ${body}")
    Err(e) -> println("${label}: err ${e}")
  end
end

fn main() do
  let base = List.head(Env.args())
  show("get", HTTP.get(base <> "/hello"))
  show("post", HTTP.post(base <> "/json", "{\"n\":1}"))
  show("get 404", HTTP.get(base <> "/missing"))
  show("get bad url", HTTP.get("not a url"))
  show("redirect", HTTP.get(base <> "/redirect"))
  show("see other", HTTP.post(base <> "/see-other", "{}"))
  case HTTP.request("GET", base <> "/redirect", %{}, "", 5000) do
    Ok(r) -> println("request redirect: ${r.status} ${Map.get(r.headers, "location")}")
    Err(e) -> println("request redirect: err ${e}")
  end
  case HTTP.request("PUT", base <> "/echo", %{"X-Custom-Header" => "v"}, "payload", 5000) do
    Ok(r) -> println("request: ${r.status} ${r.body} ${Map.get(r.headers, "content-type")}")
    Err(e) -> println("request: err ${e}")
  end
  case HTTP.request("GET", base <> "/status/418", %{}, "", 5000) do
    Ok(r) -> println("request 418: ${r.status} ${r.body}")
    Err(e) -> println("request 418: err ${e}")
  end
  case HTTP.request("GET", base <> "/sleep?ms=3000", %{}, "", 200) do
    Ok(r) -> println("timeout: unexpected ${r.status}")
    Err(e) -> println("timeout: err ${String.contains(e, "timed out")}")
  end
  case HTTP.request("G T", base <> "/hello", %{}, "", 1000) do
    Ok(_) -> println("bad method: unexpected")
    Err(e) -> println("bad method: err ${e}")
  end
end
