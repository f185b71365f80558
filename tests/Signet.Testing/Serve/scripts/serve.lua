-- Against a running signet serve (packets limited to 65536 bytes): an authenticated client's message from a
-- protected domain gets a DKIM-Signature; an oversized packet closes only its own connection; the next
-- connection is served.
-- Run with: miltertest -D port=PORT -s serve.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local function sign(label)
  local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
  if conn == nil then fail(label .. ": cannot connect to the milter on port " .. port) end
  if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then fail(label .. ": conninfo failed") end
  if mt.macro(conn, SMFIC_MAIL, "i", "MT" .. label, "{auth_authen}", "alice") ~= nil then fail(label .. ": macro failed") end
  if mt.mailfrom(conn, "<alice@example.com>") ~= nil then fail(label .. ": mailfrom failed") end
  if mt.header(conn, "From", "Alice <alice@example.com>") ~= nil then fail(label .. ": header From failed") end
  if mt.header(conn, "To", "Bob <bob@example.net>") ~= nil then fail(label .. ": header To failed") end
  if mt.header(conn, "Subject", "miltertest " .. label) ~= nil then fail(label .. ": header Subject failed") end
  if mt.eoh(conn) ~= nil then fail(label .. ": eoh failed") end
  if mt.bodystring(conn, "Hello.\r\n") ~= nil then fail(label .. ": body failed") end
  if mt.eom(conn) ~= nil then fail(label .. ": eom failed") end
  if mt.getreply(conn) ~= SMFIR_CONTINUE then fail(label .. ": end of message was not answered with continue") end
  if not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then fail(label .. ": no DKIM-Signature was inserted") end
  local signature = mt.getheader(conn, "DKIM-Signature", 0)
  if signature == nil or not string.find(signature, "d=example.com", 1, true) then
    fail(label .. ": wrong signature: " .. tostring(signature))
  end
  mt.disconnect(conn)
end

sign("before")

local bad = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if bad == nil then fail("cannot connect for the malformed packet") end
if mt.conninfo(bad, "client.example", "192.0.2.10") ~= nil then fail("conninfo failed") end
if mt.mailfrom(bad, "<alice@example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(bad, "From", "alice@example.com") ~= nil then fail("header failed") end
if mt.eoh(bad) ~= nil then fail("eoh failed") end
mt.bodystring(bad, string.rep("a", 70000))
local failed = mt.eom(bad)
if failed == nil and mt.getreply(bad) == SMFIR_CONTINUE then fail("an oversized packet was taken as a message") end
mt.echo("oversized packet refused: " .. tostring(failed))

sign("after")
