$.ajax({type:'POST', url:'/api/v2/list', contentType:'application/json',
  data: JSON.stringify({channelId:'2048', page:{current:1, size:20}}), dataType:'json',
  headers:{'X-Requested-With':'XMLHttpRequest'}, success: function(r){ render(r.result.records); }});
