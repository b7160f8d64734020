pub struct Money do
  cents :: Int
end deriving(Eq, Ord, Display)

impl Add for Money do
  type Output = Money
  fn add(self, other :: Money) -> Money do
    Money { cents: self.cents + other.cents }
  end
end
