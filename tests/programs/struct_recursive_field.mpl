# A struct field may refer to the struct itself (through Option) and to types defined later.
struct Node do
  value :: Int
  next :: Option<Node>
  tag :: Tag
end

struct Tag do
  name :: String
end

fn total(n :: Node) -> Int do
  case n.next do
    Some(rest) -> n.value + total(rest)
    None -> n.value
  end
end

fn main() do
  let t = Tag { name: "t" }
  let list = Node { value: 1, next: Some(Node { value: 2, next: None, tag: t }), tag: t }
  println("${total(list)} ${list.tag.name}")
end
