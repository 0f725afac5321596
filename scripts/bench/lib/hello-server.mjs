// The framework ceiling: bare Koa + @koa/router answering a tiny JSON body. No middleware.
import Koa from 'koa';
import Router from '@koa/router';
const app = new Koa();
const router = new Router();
router.get('/hello', (ctx) => {
  ctx.body = { hello: 'world' };
});
app.use(router.routes());
const server = app.listen(Number(process.env.PORT ?? 3412), '127.0.0.1', () => process.stdout.write('ready\n'));
server.keepAliveTimeout = 65_000;
