import type { PolicyItem, PolicyPack } from "./pack.ts";
import type { FundingSource } from "./types.ts";

/**
 * 五、附则: the city's finance pays for organizations in 台州市区 (含台州湾新区) and for the municipal
 * government quality award (含标准创新贡献奖); the organization's county pays for the rest.
 */
export function isCityFundedCounty(pack: PolicyPack, county: string): boolean {
  return pack.funding.cityCounties.has(county);
}

export function fundingSource(item: PolicyItem, cityFundedCounty: boolean): FundingSource {
  return item.alwaysCityFunded || cityFundedCounty ? "city" : "county";
}
