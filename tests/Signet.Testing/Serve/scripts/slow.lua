-- A message in progress when signet serve is told to stop: the script sends the header, creates the file READY,
-- waits until the file GO exists (the test sends SIGTERM meanwhile, then creates it), then sends the body; the
-- message must still be signed before the milter closes.
-- Run with: miltertest -D port=PORT -D ready=READY -D go=GO -s slow.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if conn == nil then fail("cannot connect to the milter on port " .. port) end
if mt.conninfo(conn, "client.example", "127.0.0.1") ~= nil then fail("conninfo failed") end
if mt.mailfrom(conn, "<alice@example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(conn, "From", "Alice <alice@example.com>") ~= nil then fail("header From failed") end
if mt.header(conn, "Subject", "in progress at the stop") ~= nil then fail("header Subject failed") end
if mt.eoh(conn) ~= nil then fail("eoh failed") end
local signal = io.open(ready, "w")
signal:write("headers sent\n")
signal:close()
local deadline = os.time() + 120
while io.open(go, "r") == nil do
  if os.time() > deadline then fail("the test never said go") end
  mt.sleep(0.02)
end
if mt.bodystring(conn, "Hello.\r\n") ~= nil then fail("body failed") end
if mt.eom(conn) ~= nil then fail("eom failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("end of message was not answered with continue") end
if not mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then fail("no DKIM-Signature was inserted") end
mt.disconnect(conn)
