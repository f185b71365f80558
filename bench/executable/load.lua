-- A small load for `signet serve`: COUNT messages from an outside client (verified, not signed), one connection each.
-- Run with: miltertest -D port=PORT -D count=COUNT -s load.lua
for i = 1, tonumber(count) do
  local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
  if conn == nil then error("cannot connect to the milter on port " .. port) end
  if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then error("conninfo failed") end
  if mt.mailfrom(conn, "<alice@example.org>") ~= nil then error("mailfrom failed") end
  if mt.header(conn, "From", "Alice <alice@example.org>") ~= nil then error("header failed") end
  if mt.header(conn, "Subject", "load " .. i) ~= nil then error("header failed") end
  if mt.eoh(conn) ~= nil then error("eoh failed") end
  if mt.bodystring(conn, string.rep("Hello, world.\r\n", 100)) ~= nil then error("body failed") end
  if mt.eom(conn) ~= nil then error("eom failed") end
  if mt.getreply(conn) ~= SMFIR_CONTINUE then error("message " .. i .. " was not accepted") end
  mt.disconnect(conn)
end
