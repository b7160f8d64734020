# Two imported modules with the same last segment are both usable (resolution by exported name).
import Services.Writer
import Storage.Writer

fn main() do
  println(Writer.service_name())
  println(Writer.storage_name())
end
