# Query builds SQL ($n numbering, every clause); Repo runs it: all/one/get/get_by/count/
# exists/insert/update/delete/update_where/delete_where, preload, changesets.

struct Org do
  table "orgs"
  id :: String
  name :: String
  has_many :members, Member
end deriving(Schema, Row)

struct Member do
  table "members"
  id :: String
  org_id :: String
  email :: String
  age :: Int
  belongs_to :org, Org
end deriving(Schema, Row)

fn url() -> String do
  case Env.get("DATABASE_URL") do
    Some(u) -> u
    None -> ""
  end
end

fn main() do
  case Pool.open(url(), 1, 3, 2000) do
    Ok(pool) -> run(pool)
    Err(e) -> println("open failed: " <> e)
  end
end

fn sql(q :: Query) do
  println(Query.to_sql(q) <> "  ${Query.params(q)}")
end

fn run(pool :: PoolHandle) do
  let base = Query.from(Member.__table__())
  let q1 = base |> Query.where(:org_id, "1") |> Query.where_op(:age, :gte, "18") |> Query.order_by(:email, :desc) |> Query.limit(2) |> Query.offset(1)
  sql(base)
  sql(q1)
  sql(base |> Query.select(["members.email", "age"]) |> Query.where_in(:age, ["20", "30"]) |> Query.where_null(:deleted) |> Query.where_not_null(:email))
  sql(base |> Query.select_raw(["org_id", "count(*) AS n"]) |> Query.where_raw("age > ? AND email LIKE ?", ["1", "%@x.org"]) |> Query.group_by(:org_id) |> Query.having("count(*) >", "1") |> Query.fragment("AND sum(age) > ?", ["10"]))
  sql(base |> Query.join(:left, "orgs", "orgs.id = members.org_id") |> Query.where_in(:age, []) |> Query.where_raw("meta ?? 'k'", []))
  let _ = Pool.batch(pool, "CREATE TABLE orgs (id TEXT PRIMARY KEY, name TEXT NOT NULL); CREATE TABLE members (id TEXT PRIMARY KEY, org_id TEXT NOT NULL REFERENCES orgs(id), email TEXT NOT NULL UNIQUE, age INT NOT NULL DEFAULT 0)")
  println("${Repo.insert(pool, "orgs", %{"id" => "1", "name" => "Acme"})}")
  println("${Repo.insert(pool, "orgs", %{"id" => "2", "name" => "Beta"})}")
  println("${Repo.insert(pool, "members", %{"id" => "m1", "org_id" => "1", "email" => "a@x.org", "age" => "20"})}")
  println("${Repo.insert(pool, "members", %{"id" => "m2", "org_id" => "1", "email" => "b@x.org", "age" => "30"})}")
  println("${Repo.insert(pool, "members", %{"id" => "m3", "org_id" => "2", "email" => "c@x.org"})}")
  println("${Repo.insert(pool, "members", Map.new())}")
  println("${Repo.all(pool, q1)}")
  println("${Repo.all(pool, base |> Query.where(:org_id, "1") |> Query.order_by(:email, :asc))}")
  println("${Repo.one(pool, base |> Query.order_by(:age, :desc))}")
  println("${Repo.one(pool, base |> Query.where(:email, "nobody"))}")
  println("${Repo.get(pool, "orgs", "2")}")
  println("${Repo.get(pool, "orgs", "9")}")
  println("${Repo.get_by(pool, "members", "email", "b@x.org")}")
  println("${Repo.count(pool, base)}")
  println("${Repo.count(pool, base |> Query.where_op(:age, :gt, "10"))}")
  println("${Repo.count(pool, base |> Query.group_by(:org_id))}")
  println("${Repo.exists(pool, base |> Query.where(:email, "c@x.org"))}")
  println("${Repo.exists(pool, base |> Query.group_by(:org_id) |> Query.having("count(*) >", "5"))}")
  println("${Repo.update(pool, "members", "m3", %{"age" => "41"})}")
  println("${Repo.update(pool, "members", "m9", %{"age" => "41"})}")
  println("${Repo.update(pool, "members", "m3", Map.new())}")
  println("${Repo.update_where(pool, "members", %{"age" => "50"}, base |> Query.where(:org_id, "1"))}")
  println("${Repo.update_where(pool, "members", %{"age" => "50"}, base)}")
  println("${Repo.delete(pool, "members", "m2")}")
  println("${Repo.delete(pool, "members", "m2")}")
  println("${Repo.delete_where(pool, "members", base |> Query.where_op(:age, :lt, "45"))}")
  println("${Repo.delete_where(pool, "members", base)}")
  println("${Repo.insert(pool, "members", %{"id" => "m4", "org_id" => "9", "email" => "d@x.org"})}")
  # Typed reads of a query.
  case Repo.all_as(pool, base |> Query.order_by(:id, :asc), Member.from_sql_row) do
    Ok(ms) -> println(String.join(List.map(ms, fn(m) -> m.email <> "/" <> String.from(m.age) end), ", "))
    Err(e) -> println("error: ${e}")
  end
  # Preloading associations from the schema metadata.
  let _ = Repo.insert(pool, "members", %{"id" => "m5", "org_id" => "2", "email" => "e@x.org", "age" => "7"})
  case Repo.all(pool, Query.from("orgs") |> Query.order_by(:id, :asc)) do
    Ok(orgs) -> preload(pool, orgs)
    Err(e) -> [println(e)]
  end
  println("${Repo.preload(pool, [], ["nothing"], Org.__relationship_meta__())}")
  case Repo.preload(pool, [%{"id" => "1"}], ["nothing"], Org.__relationship_meta__()) do
    Ok(_) -> println("unexpected")
    Err(e) -> println(e)
  end
  changesets(pool)
end

fn preload(pool :: PoolHandle, orgs :: List<Map<String, String>>) do
  let meta = List.concat(Org.__relationship_meta__(), Member.__relationship_meta__())
  case Repo.preload(pool, orgs, ["members", "members.org"], meta) do
    Ok(entries) -> List.map(entries, fn(e) -> print_entry(e) end)
    Err(e) -> [println(e)]
  end
end

fn print_entry(e :: (Map<String, String>, Map<String, List<Map<String, String>>>)) do
  let (org, assocs) = e
  let members = List.map(Map.get(assocs, "members"), fn(m) -> Map.get(m, "email") end)
  let owners = List.map(Map.get(assocs, "members.org"), fn(o) -> Map.get(o, "name") end)
  println(Map.get(org, "name") <> ": ${members} ${owners}")
end

fn changesets(pool :: PoolHandle) do
  let cs = Changeset.cast(Map.new(), %{"id" => "m6", "org_id" => "2", "email" => "e@x.org", "age" => "3", "admin" => "t"}, [:id, :org_id, :email, :age])
    |> Changeset.validate_required([:id, :email])
  println("${Changeset.changes(cs)} ${Changeset.valid(cs)}")
  case Repo.insert_changeset(pool, "members", cs) do
    Ok(row) -> println("inserted ${row}")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  let cs2 = Changeset.cast(Map.new(), %{"id" => "m7", "org_id" => "404", "email" => "f@x.org"}, [:id, :org_id, :email])
  case Repo.insert_changeset(pool, "members", cs2) do
    Ok(row) -> println("inserted ${row}")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  let cs3 = Changeset.cast(Map.new(), %{"id" => "m8", "org_id" => "2", "email" => "g@x.org"}, [:id, :org_id, :email])
  case Repo.insert_changeset(pool, "members", cs3) do
    Ok(row) -> println("inserted ${Map.get(row, "email")}")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  let cs4 = Changeset.cast(Map.new(), Map.new(), [:email]) |> Changeset.validate_required([:email])
  case Repo.insert_changeset(pool, "members", cs4) do
    Ok(_) -> println("unexpected")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  let cs5 = Changeset.cast(Map.new(), %{"age" => "99"}, [:age])
  case Repo.update_changeset(pool, "members", "m8", cs5) do
    Ok(row) -> println("updated ${Map.get(row, "age")}")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  case Repo.update_changeset(pool, "members", "nope", cs5) do
    Ok(_) -> println("unexpected")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
  case Repo.insert_changeset(pool, "members", Changeset.cast(Map.new(), Map.new(), [])) do
    Ok(_) -> println("unexpected")
    Err(bad) -> println("errors ${Changeset.errors(bad)}")
  end
end
