# Type aliases (plain, generic, function types) are transparent.
type Name = String
type Pairs<A> = List<(A, A)>
type Handler = Fun(Int) -> String
pub type Id = Int

fn greet(n :: Name) -> String = "hi " <> n

fn count(p :: Pairs<Int>) -> Int = List.length(p)

fn run(h :: Handler) -> String = h(3)

fn main() do
  let id :: Id = 5
  println(greet("ann") <> " ${count([(1, 2), (3, 4)])} " <> run(fn n -> "n=${n}" end) <> " ${id + 1}")
end
