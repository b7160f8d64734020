# Inventory item type and helpers.
pub struct Item do
  table "items"
  sku :: String
  qty :: Int
  belongs_to :project, Project
end deriving(Schema, Json, Row)

pub fn restock(item :: Item, extra :: Int) -> Item do
  Item { sku: item.sku, qty: item.qty + extra }
end

pub fn parse_qty(text :: String) -> Int!String do
  let parsed = String.to_int(text)
  case parsed do
    Some(n) -> Ok(n)
    None -> Err("not a number: " <> text)
  end
end
from Inventory.Item import Item, restock

service Stock do
  fn init() -> Map<String, Item> do
    %{}
  end

  call Add(sku :: String, n :: Int) :: Int do |items|
    let known = Map.has_key(items, sku)
    let current = if known do Map.get(items, sku) else Item { sku: sku, qty: 0 } end
    let updated = restock(current, n)
    (Map.put(items, sku, updated), updated.qty)
  end

  cast Clear() do |_items|
    %{}
  end
end
fn main() do
  let pid = Stock.start()
  let result = add_text(pid, "apple", "3")
  case result do
    Ok(total) -> println("apple: " <> String.from(total))
    Err(msg) -> println(msg)
  end
  let due = invoices
    |> List.filter(fn(inv) do inv.overdue end)
    |> List.map(fn(inv) do
      let k = inv.id
      k
    end)
  println("hi ${who}, total = ${2 * 21}")
  let bucket = fn 0 -> "none" | n when n < 10 -> "few" | _ -> "many" end
end
actor meter(total :: Int) do
  receive do
    Add(n) -> meter(total + n)
    Report(_who) -> meter(total)
  after 5000 -> meter(total)
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
end
type C do Red Green Blue end
interface Stack do
  type Elem
  fn top(self) -> Self.Elem
  fn name(self) -> String do
    "shape"
  end
end
impl Stack for Square do
  type Elem = Float
  fn top(self) -> Float do
    self.side
  end
end
fn sign(0) = 0
fn sign(n) when n < 0 = -1
