<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><title>管理登录-江城师范学院纪委</title>
<meta name="description" content="Visual SiteBuilder 9"><link rel="stylesheet" href="dfiles/13077/style.css">
<script language="javascript" src="/system/resource/js/dynclicks.js"></script></head><body>
<!--Announced by Visual SiteBuilder 9-->
<div class="top"><a href="https://www.jcnu.edu.cn/" target="_blank">学校主页</a> | <a href="https://ids.jcnu.edu.cn/authserver/login" target="_blank">信息门户</a> | <a href="system/login.jsp">登录</a></div>
<div class="head"><img src="images/logo.png" alt="中共江城师范学院纪律检查委员会"></div>
<div class="nav"><ul><li><a href="index.htm">首页</a></li><li><a href="jgsz.htm">机构设置</a></li><li><a href="gzdt.htm">工作动态</a></li>
<li><a href="xsxc.htm">巡视巡察</a></li><li><a href="zdjs.htm">制度建设</a></li><li><a href="tzgg.htm">通知公告</a></li></ul></div>
<div class="main"><div class="right"><div class="login"><form action="/system/login.jsp" method="post"><p>用户名：<input name="username"></p><p>密码：<input type="password" name="password"></p><button>登录</button></form></div></div></div>
<div class="footer"><p>主办：江城师范学院纪委（监察专员办）　承办：江城师范学院纪委（监察专员办）办公室　技术支持：蓝海网络科技有限公司</p><p>版权所有 &copy; 江城师范学院纪委（监察专员办）　网站标识码：—　<a href="https://beian.miit.gov.cn/" target="_blank">鄂ICP备05003456号</a>　<img src="/images/ga.png">公网安备 43010502000123号</p></div>
</body></html>
