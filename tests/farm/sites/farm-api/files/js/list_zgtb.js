var channelId = '1024';
function load(pageNo) {
  $.ajax({type:'POST', url:'/api/content/list', data:{channelId:channelId, pageNo:pageNo, pageSize:5}, dataType:'json',
    headers:{'X-Requested-With':'XMLHttpRequest'}, success: render});
}
load(1);
