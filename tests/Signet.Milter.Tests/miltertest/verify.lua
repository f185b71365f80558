-- An external client's unsigned message gets "dkim=none" from our authserv-id, and an
-- Authentication-Results field that claims our authserv-id is deleted; another server's is kept.
-- Run with: miltertest -D port=PORT -s verify.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if conn == nil then fail("cannot connect to the milter on port " .. port) end

if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then fail("conninfo failed") end
if mt.macro(conn, SMFIC_MAIL, "i", "MT0002") ~= nil then fail("macro failed") end
if mt.mailfrom(conn, "<joe@football.example.com>") ~= nil then fail("mailfrom failed") end
if mt.header(conn, "Authentication-Results", "relay.example.net; dkim=pass header.d=football.example.com") ~= nil then fail("header failed") end
if mt.header(conn, "Authentication-Results", "MX.SIGNET.TEST; dkim=pass header.d=bank.example") ~= nil then fail("header failed") end
if mt.header(conn, "From", "Joe SixPack <joe@football.example.com>") ~= nil then fail("header From failed") end
if mt.header(conn, "Subject", "Unsigned") ~= nil then fail("header Subject failed") end
if mt.eoh(conn) ~= nil then fail("eoh failed") end
if mt.bodystring(conn, "Hello.\r\n") ~= nil then fail("body failed") end
if mt.eom(conn) ~= nil then fail("eom failed") end
if mt.getreply(conn) ~= SMFIR_CONTINUE then fail("end of message was not answered with continue") end

if not mt.eom_check(conn, MT_HDRINSERT, "Authentication-Results") then fail("no Authentication-Results was inserted") end
local results = mt.getheader(conn, "Authentication-Results", 0)
if results == nil then fail("the Authentication-Results value is missing") end
if not string.find(results, "mx.signet.test;", 1, true) then fail("wrong authserv-id: " .. results) end
if not string.find(results, "dkim=none", 1, true) then fail("expected dkim=none: " .. results) end
if not mt.eom_check(conn, MT_HDRDELETE, "Authentication-Results") then fail("the forged Authentication-Results was not deleted") end
if mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then fail("inbound mail was signed") end

mt.disconnect(conn)
