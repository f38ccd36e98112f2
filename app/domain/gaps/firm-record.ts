import type { PavittClass } from "../types";

/** A firm ready to store: checked, placed, classified and given its hexagon. */
export interface FirmRecordInput {
  name: string;
  ksicDivision: string;
  employees: number;
  regionCode: string;
  lat: number;
  lng: number;
  coordPrecision: "address" | "district" | "region";
  pavittClass: PavittClass;
  h3Cell: string;
  synthetic: boolean;
  source: string;
}
