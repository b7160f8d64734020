# User impls of Add/Sub/Mul/Neg overload `+ - *` and unary `-`.
struct Money do
  cents :: Int
end deriving(Display, Eq)

impl Add for Money do
  type Output = Money
  fn add(self, other :: Money) -> Money do
    Money { cents: self.cents + other.cents }
  end
end

impl Sub for Money do
  type Output = Money
  fn sub(self, other :: Money) -> Money do
    Money { cents: self.cents - other.cents }
  end
end

impl Mul for Money do
  type Output = Money
  fn mul(self, other :: Money) -> Money do
    Money { cents: self.cents * other.cents }
  end
end

impl Neg for Money do
  type Output = Money
  fn neg(self) -> Money do
    Money { cents: 0 - self.cents }
  end
end

fn main() do
  let a = Money { cents: 5 }
  let b = Money { cents: 3 }
  println("${a + b} ${a - b} ${a * b} ${-a}")
  println("${a + b == Money { cents: 8 }}")
end
