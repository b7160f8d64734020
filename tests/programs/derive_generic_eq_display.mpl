# Deriving works for generic types, per instantiation.
type Maybe<T> do
  Nothing
  Just(T)
end deriving(Eq, Display)

fn main() do
  println("${Just(1) == Just(1)} ${Just("a") == Nothing} ${Just(2.5)} ${Just([1])}")
end
