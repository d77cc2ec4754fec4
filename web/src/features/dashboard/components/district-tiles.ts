// A schematic tile map of Hangzhou's thirteen county-level districts (after the 2021 redistricting:
// 上城 absorbed 江干, 拱墅 absorbed 下城, 临平 and 钱塘 were created). One tile per district, placed
// by rough direction from the centre; no boundaries are drawn, so none can be wrong.
export const hangzhouTiles: ReadonlyArray<{ code: string; col: number; row: number }> = [
  { code: '330112', col: 1, row: 0 }, // 临安
  { code: '330110', col: 2, row: 0 }, // 余杭
  { code: '330105', col: 3, row: 0 }, // 拱墅
  { code: '330113', col: 4, row: 0 }, // 临平
  { code: '330106', col: 2, row: 1 }, // 西湖
  { code: '330102', col: 3, row: 1 }, // 上城
  { code: '330114', col: 4, row: 1 }, // 钱塘
  { code: '330122', col: 1, row: 2 }, // 桐庐
  { code: '330111', col: 2, row: 2 }, // 富阳
  { code: '330108', col: 3, row: 2 }, // 滨江
  { code: '330109', col: 4, row: 2 }, // 萧山
  { code: '330127', col: 0, row: 3 }, // 淳安
  { code: '330182', col: 1, row: 3 }, // 建德
]
