# A WebSocket server and an HTTP server in one program (the shape of an ingest service):
# POST /events/:room broadcasts the body to the WebSocket room `room`, which clients join
# by connecting to /rooms/<room>.

fn on_connect(conn :: Int, path :: String, _headers :: Map<String, String>) -> Int do
  let room = String.replace(path, "/rooms/", "")
  Ws.join(conn, room)
  Ws.send(conn, "joined ${room}")
  conn
end

fn on_message(_conn :: Int, _text :: String) -> () do
  ()
end

fn on_close(_conn :: Int, _code :: Int, _reason :: String) -> () do
  ()
end

fn publish(room :: String, body :: String) -> Response do
  let failed = Ws.broadcast(room, body)
  HTTP.response(202, "{\"members\":${Ws.room_size(room)},\"failed\":${failed}}")
end

fn ingest(req :: Request) -> Response do
  case Request.param(req, "room") do
    Some(room) -> publish(room, Request.body(req))
    None -> HTTP.response(400, "{}")
  end
end

fn main() do
  Ws.serve(on_connect, on_message, on_close, 0)
  HTTP.router() |> HTTP.on_post("/events/:room", ingest) |> HTTP.serve(0)
end
