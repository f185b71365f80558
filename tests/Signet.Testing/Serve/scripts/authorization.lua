-- An authenticated sender ({auth_authen}) sends a message From a given address through signet serve's milter.
-- expect=sign: it is signed with d=<domain of from>; expect=reject: the end of message is answered with a reply code.
-- Run with: miltertest -D port=PORT -D user=USER -D from=ADDRESS -D expect=sign|reject -s authorization.lua
local function fail(message)
  mt.echo("FAIL: " .. message)
  error(message)
end

local conn = mt.connect("inet:" .. port .. "@127.0.0.1", 3, 0.2)
if conn == nil then fail("cannot connect to the milter on port " .. port) end
if mt.conninfo(conn, "client.example", "192.0.2.10") ~= nil then fail("conninfo failed") end
if mt.macro(conn, SMFIC_MAIL, "i", "MTAUTH", "{auth_authen}", user) ~= nil then fail("macro failed") end
if mt.mailfrom(conn, "<" .. from .. ">") ~= nil then fail("mailfrom failed") end
if mt.header(conn, "From", from) ~= nil then fail("header From failed") end
if mt.header(conn, "Subject", "authorization") ~= nil then fail("header Subject failed") end
if mt.eoh(conn) ~= nil then fail("eoh failed") end
if mt.bodystring(conn, "Hello.\r\n") ~= nil then fail("body failed") end
if mt.eom(conn) ~= nil then fail("eom failed") end
local reply = mt.getreply(conn)
if expect == "reject" then
  if reply ~= SMFIR_REPLYCODE then fail("end of message was not answered with a reply code: " .. tostring(reply)) end
  if mt.eom_check(conn, MT_HDRINSERT, "DKIM-Signature") then fail("a DKIM-Signature was inserted") end
  mt.echo("REFUSED")
else
  if reply ~= SMFIR_CONTINUE then fail("end of message was not answered with continue: " .. tostring(reply)) end
  local signature = mt.getheader(conn, "DKIM-Signature", 0)
  local domain = string.sub(from, string.find(from, "@", 1, true) + 1)
  if signature == nil or not string.find(signature, "d=" .. domain, 1, true) then fail("wrong signature: " .. tostring(signature)) end
  mt.echo("SIGNED")
end
mt.disconnect(conn)
