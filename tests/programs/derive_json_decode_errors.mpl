# from_json errors: missing field, wrong kind, unparsable text.
struct P do
  x :: Int
  name :: String
end deriving(Json)

fn try(text :: String) do
  case P.from_json(text) do
    Ok(p) -> println("ok ${p.x} " <> p.name)
    Err(e) -> println("err: " <> e)
  end
end

fn main() do
  try("{\"x\": 1, \"name\": \"a\"}")
  try("{\"x\": 1}")
  try("{\"x\": \"one\", \"name\": \"a\"}")
  try("{\"x\": 1, \"name\": 5}")
  try("{\"x\": 2.9, \"name\": \"t\"}")
end
