import type { Platform } from '../../../../../common/src/reference.js'

// Hangzhou's development zones and industrial platforms by their public names, each under the
// district that hosts it after the 2021 redistricting. chainCodes seed the first layout guide
// (布局导引) and the city edits them; areaKm2 stays null unless a planned area is well established.
export const platforms: Platform[] = [
  // 上城区 330102
  { code: 'yuhuangshan_fund_town', nameZh: '玉皇山南基金小镇', nameEn: 'Yuhuangshan South Fund Town', districtCode: '330102', kind: 'town', chainCodes: [], areaKm2: null }, // funds serve every chain (以投带引), so no chain of its own
  { code: 'dinglan_smart_town', nameZh: '丁兰智慧小镇', nameEn: 'Dinglan Smart Town', districtCode: '330102', kind: 'town', chainCodes: ['software_services', 'smart_terminal'], areaKm2: null },

  // 拱墅区 330105
  { code: 'smart_valley_town', nameZh: '智慧网谷小镇', nameEn: 'Smart Net Valley Town', districtCode: '330105', kind: 'town', chainCodes: ['software_services', 'intelligent_computing', 'network_communication'], areaKm2: null },

  // 西湖区 330106
  { code: 'zijingang_sci_tech_city', nameZh: '紫金港科技城', nameEn: 'Zijingang Sci-Tech City', districtCode: '330106', kind: 'science_city', chainCodes: ['visual_intelligence', 'general_ai', 'software_services'], areaKm2: null },
  { code: 'yunqi_town', nameZh: '云栖小镇', nameEn: 'Yunqi Town', districtCode: '330106', kind: 'town', chainCodes: ['intelligent_computing', 'general_ai', 'software_services'], areaKm2: null },
  { code: 'zju_science_park', nameZh: '浙江大学国家大学科技园', nameEn: 'Zhejiang University National Science Park', districtCode: '330106', kind: 'industrial_park', chainCodes: ['software_services', 'general_ai', 'integrated_circuit'], areaKm2: null },

  // 滨江区 330108
  { code: 'hz_hitech_zone', nameZh: '杭州高新技术产业开发区（滨江）', nameEn: 'Hangzhou Hi-tech Industrial Development Zone (Binjiang)', districtCode: '330108', kind: 'national_hitech', chainCodes: ['visual_intelligence', 'integrated_circuit', 'network_communication', 'digital_security', 'software_services', 'smart_terminal', 'general_ai'], areaKm2: null },
  { code: 'binjiang_iot_town', nameZh: '滨江物联网小镇', nameEn: 'Binjiang IoT Town', districtCode: '330108', kind: 'town', chainCodes: ['network_communication', 'smart_terminal', 'integrated_circuit'], areaKm2: null },

  // 萧山区 330109
  { code: 'xiaoshan_etdz', nameZh: '萧山经济技术开发区', nameEn: 'Xiaoshan Economic and Technological Development Zone', districtCode: '330109', kind: 'national_etdz', chainCodes: ['new_energy_vehicle', 'intelligent_equipment', 'intelligent_robot', 'network_communication'], areaKm2: null },
  // a national demonstration zone (NDRC/CAAC), neither an ETDZ nor a hi-tech zone
  { code: 'hz_airport_economy_zone', nameZh: '杭州临空经济示范区', nameEn: 'Hangzhou Airport Economy Demonstration Zone', districtCode: '330109', kind: 'industrial_park', chainCodes: ['aerospace', 'low_altitude_economy', 'energy_storage'], areaKm2: null },
  { code: 'xiaoshan_info_port_town', nameZh: '萧山信息港小镇', nameEn: 'Xiaoshan Information Port Town', districtCode: '330109', kind: 'town', chainCodes: ['software_services', 'general_ai', 'network_communication', 'intelligent_computing'], areaKm2: null },
  { code: 'xiaoshan_robot_town', nameZh: '萧山机器人小镇', nameEn: 'Xiaoshan Robot Town', districtCode: '330109', kind: 'town', chainCodes: ['intelligent_robot', 'humanoid_robot', 'intelligent_equipment'], areaKm2: null },

  // 余杭区 330110
  { code: 'future_sci_tech_city', nameZh: '杭州未来科技城', nameEn: 'Hangzhou Future Sci-Tech City', districtCode: '330110', kind: 'science_city', chainCodes: ['general_ai', 'software_services', 'intelligent_computing', 'brain_like_intelligence', 'innovative_drug', 'biomedical_cxo'], areaKm2: null },
  { code: 'dream_town', nameZh: '梦想小镇', nameEn: 'Dream Town', districtCode: '330110', kind: 'town', chainCodes: ['software_services', 'general_ai'], areaKm2: null },
  { code: 'ai_town', nameZh: '中国（杭州）人工智能小镇', nameEn: 'China (Hangzhou) Artificial Intelligence Town', districtCode: '330110', kind: 'town', chainCodes: ['general_ai', 'intelligent_robot', 'humanoid_robot'], areaKm2: null },
  { code: 'hz_cloud_city', nameZh: '杭州云城', nameEn: 'Hangzhou Cloud City', districtCode: '330110', kind: 'science_city', chainCodes: ['intelligent_computing', 'general_ai'], areaKm2: null },
  { code: 'liangzhu_new_city', nameZh: '良渚新城', nameEn: 'Liangzhu New City', districtCode: '330110', kind: 'industrial_park', chainCodes: ['medical_device', 'innovative_drug'], areaKm2: null },

  // 富阳区 330111
  { code: 'fuyang_etdz', nameZh: '富阳经济技术开发区', nameEn: 'Fuyang Economic and Technological Development Zone', districtCode: '330111', kind: 'provincial_zone', chainCodes: ['network_communication', 'intelligent_equipment', 'innovative_drug'], areaKm2: null },
  { code: 'fuchun_bay_new_city', nameZh: '富春湾新城', nameEn: 'Fuchun Bay New City', districtCode: '330111', kind: 'industrial_park', chainCodes: ['intelligent_equipment', 'new_energy_vehicle'], areaKm2: null },

  // 临安区 330112 (mountain county)
  { code: 'qingshan_lake_sci_tech_city', nameZh: '青山湖科技城', nameEn: 'Qingshan Lake Sci-Tech City', districtCode: '330112', kind: 'science_city', chainCodes: ['intelligent_equipment', 'integrated_circuit', 'semiconductor_materials'], areaKm2: null },
  { code: 'linan_edz', nameZh: '临安经济开发区', nameEn: "Lin'an Economic Development Zone", districtCode: '330112', kind: 'provincial_zone', chainCodes: ['photovoltaic', 'new_energy_vehicle', 'chemical_new_materials', 'energy_storage'], areaKm2: null },
  { code: 'linan_cloud_manufacturing_town', nameZh: '临安云制造小镇', nameEn: "Lin'an Cloud Manufacturing Town", districtCode: '330112', kind: 'town', chainCodes: ['intelligent_equipment', 'software_services'], areaKm2: null },

  // 临平区 330113
  { code: 'yuhang_etdz', nameZh: '余杭经济技术开发区', nameEn: 'Yuhang Economic and Technological Development Zone', districtCode: '330113', kind: 'national_etdz', chainCodes: ['intelligent_equipment', 'medical_device', 'innovative_drug', 'smart_terminal'], areaKm2: null },
  { code: 'qianjiang_edz', nameZh: '钱江经济开发区', nameEn: 'Qianjiang Economic Development Zone', districtCode: '330113', kind: 'provincial_zone', chainCodes: ['intelligent_equipment', 'medical_device'], areaKm2: null },

  // 钱塘区 330114
  { code: 'hz_etdz', nameZh: '杭州经济技术开发区', nameEn: 'Hangzhou Economic and Technological Development Zone', districtCode: '330114', kind: 'national_etdz', chainCodes: ['integrated_circuit', 'semiconductor_materials', 'innovative_drug', 'biomedical_cxo', 'new_energy_vehicle', 'intelligent_equipment'], areaKm2: null },
  { code: 'hz_medicine_port_town', nameZh: '杭州医药港小镇', nameEn: 'Hangzhou Medicine Port Town', districtCode: '330114', kind: 'town', chainCodes: ['innovative_drug', 'biomedical_cxo', 'medical_device', 'synthetic_biology'], areaKm2: null },

  // 桐庐县 330122 (mountain county)
  { code: 'tonglu_edz', nameZh: '桐庐经济开发区', nameEn: 'Tonglu Economic Development Zone', districtCode: '330122', kind: 'provincial_zone', chainCodes: ['medical_device', 'intelligent_equipment'], areaKm2: null },

  // 淳安县 330127 (mountain county); its water-beverage and health industries sit outside the chains above
  { code: 'chunan_edz', nameZh: '淳安县经济开发区', nameEn: "Chun'an Economic Development Zone (Qiandao Lake)", districtCode: '330127', kind: 'provincial_zone', chainCodes: [], areaKm2: null },

  // 建德市 330182 (mountain county)
  { code: 'jiande_edz', nameZh: '建德经济开发区', nameEn: 'Jiande Economic Development Zone', districtCode: '330182', kind: 'provincial_zone', chainCodes: ['chemical_new_materials', 'intelligent_equipment'], areaKm2: null },
  { code: 'jiande_hitech_park', nameZh: '建德高新技术产业园区', nameEn: 'Jiande High-tech Industrial Park', districtCode: '330182', kind: 'provincial_zone', chainCodes: ['chemical_new_materials'], areaKm2: null },
  { code: 'jiande_aviation_town', nameZh: '建德航空小镇', nameEn: 'Jiande Aviation Town', districtCode: '330182', kind: 'town', chainCodes: ['low_altitude_economy', 'aerospace'], areaKm2: null },
]
