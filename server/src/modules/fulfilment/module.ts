import type { AppModule } from '../types';
import { fulfilmentRoutes } from './routes';

/** 订单 / 发货单 / 退货单 / 发票 / 红字发票 / 资产. */
export const fulfilmentModule: AppModule = { name: 'fulfilment', routes: fulfilmentRoutes };
