import { uuidv7 } from 'uuidv7';
import type { Executor } from '../../db/client.js';
import type { RequestContext } from '../../platform/auth/context.js';
import { serviceStations, stationTechnicians } from './stations.tables.js';

/** [name, province, city, address, latitude, longitude, capacity, rating sum, rating count] */
const DEMO_STATIONS: [string, string, string, string, number, number, number, number, number][] = [
  ['北京朝阳服务站', '北京市', '北京市', '朝阳区建国路 93 号', 39.9087, 116.4741, 6, 4.8 * 212, 212],
  ['上海浦东服务站', '上海市', '上海市', '浦东新区张杨路 500 号', 31.2304, 121.5244, 8, 4.6 * 156, 156],
  ['广州天河服务站', '广东省', '广州市', '天河区天河路 208 号', 23.1322, 113.3268, 5, 4.2 * 88, 88],
  ['成都武侯服务站', '四川省', '成都市', '武侯区人民南路四段 12 号', 30.6295, 104.0664, 4, 3.1 * 47, 47],
  ['杭州西湖服务站', '浙江省', '杭州市', '西湖区文三路 90 号', 30.2799, 120.1289, 3, 5, 1],
];

/**
 * The demo workspace's service stations in five provinces, with ratings as surveys would have left them: a
 * veteran, a station with a single 5.0 (which dispatch does not rank above the veteran) and a poorly rated one.
 * The technician signs in for the first (Beijing) station.
 */
export async function seedFieldServiceDemo(tx: Executor, ctx: RequestContext, technicianUserId: string): Promise<void> {
  const stations = await tx.insert(serviceStations).values(
    DEMO_STATIONS.map(([name, province, city, address, latitude, longitude, capacity, ratingSum, ratingCount]) => ({
      workspaceId: ctx.workspaceId,
      id: uuidv7(),
      name,
      province,
      city,
      address,
      latitude,
      longitude,
      capacity,
      ratingSum,
      ratingCount,
    })),
  ).returning({ id: serviceStations.id });
  await tx.insert(stationTechnicians).values({ workspaceId: ctx.workspaceId, userId: technicianUserId, stationId: stations[0]!.id });
}
