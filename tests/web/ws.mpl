# WebSocket server fixture for crates/meshc/tests/web_ws.rs.
# Arguments: [cert key] to serve over TLS. Prints its port on stderr.

fn on_connect(conn :: Int, path :: String, headers :: Map<String, String>) -> Int do
  if String.contains(path, "reject") do
    0
  else
    Ws.join(conn, "lobby")
    let agent = case Map.fetch(headers, "x-client") do
      Some(v) -> v
      None -> "-"
    end
    Ws.send(conn, "welcome ${path} ${agent}")
    conn
  end
end

fn flood(conn :: Int, n :: Int, chunk :: String) -> Int do
  if n == 0 do
    0
  else
    Ws.send(conn, chunk)
    flood(conn, n - 1, chunk)
  end
end

fn on_message(conn :: Int, text :: String) -> () do
  if text == "crash" do
    let xs :: List<Int> = []
    Ws.send(conn, "${List.head(xs)}")
    ()
  else if String.starts_with(text, "bcast:") do
    Ws.broadcast("lobby", String.slice(text, 6, String.length(text)))
    ()
  else if String.starts_with(text, "except:") do
    Ws.broadcast_except("lobby", String.slice(text, 7, String.length(text)), conn)
    ()
  else if text == "leave" do
    Ws.leave(conn, "lobby")
    Ws.send(conn, "left")
    ()
  else if text == "size" do
    Ws.send(conn, "size ${Ws.room_size("lobby")}")
    ()
  else if text == "close" do
    Ws.send(conn, "bye")
    Ws.close(conn, 4000, "server says bye")
    ()
  else if text == "binary" do
    Ws.send_binary(conn, "raw bytes")
    ()
  else if text == "flood" do
    flood(conn, 6000, String.join(Range.map(Range.new(0, 1024), fn _ -> "xxxx" end), ""))
    ()
  else
    Ws.send(conn, "echo:" <> text)
    ()
  end
end

fn on_close(conn :: Int, code :: Int, reason :: String) -> () do
  println("closed ${conn} ${code} ${reason}")
end

fn main() do
  let args = Env.args()
  if List.length(args) == 2 do
    Ws.serve_tls(on_connect, on_message, on_close, 0, List.get(args, 0), List.get(args, 1))
  else
    Ws.serve(on_connect, on_message, on_close, 0)
  end
end
