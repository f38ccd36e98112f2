/**
 * The reasons the matching rules give (app/domain/reasons.ts), one message per rule and
 * variant. Values in braces are filled in by app/i18n/reasons.ts: class, capability and
 * other codes as their names, amounts as won, ratios as percentages.
 */
export const reasons = {
  /** Between the items of a list of names: "기술, 수출". */
  "reason.listSeparator": ", ",
  "reason.answer": "{question} = {answer}",
  /** Between the answers quoted in a classification reason. */
  "reason.answerSeparator": ", ",

  "reason.classify.fallback":
    "업종({division})의 기본 유형이 없고 답변도 없어, 중소기업에 가장 흔한 {pavittClass}으로 임시 분류했습니다. 기술 원천, 보호 수단, 혁신 초점 세 가지 질문에 답하면 더 정확해집니다.",
  "reason.classify.answers":
    "업종({division})의 기본 유형이 없어 답변으로 분류했습니다. 답변이 {pavittClass} 쪽을 가리킵니다: {answers}.",
  "reason.classify.default": "업종({division})의 기본 유형은 {pavittClass}입니다.",
  "reason.classify.moved":
    "답변이 {pavittClass} 쪽을 가리킵니다: {answers}. 그래서 업종 기본 유형 대신 {pavittClass}으로 분류했습니다.",
  "reason.classify.confirmed": "답변({answers})도 같은 유형을 가리킵니다.",
  "reason.classify.kept":
    "일부 답변({answers})은 다른 유형을 가리키지만, 업종 기본 유형을 바꿀 만큼 뚜렷하지 않아 {pavittClass}으로 유지했습니다.",

  "reason.capability.researchers.driven":
    "연구 인력 {researchers}명(직원의 {share})으로 자체 연구 조직을 갖추고 있습니다.",
  "reason.capability.researchers.following": "연구 인력 {count}명이 있어 외부 기술을 받아들일 역량이 있습니다.",
  "reason.capability.rnd_spend": "연구개발에 {amount}을 쓰고 있습니다.",
  "reason.capability.rnd_ratio.driven": "연구개발비가 매출의 {ratio}로, 벤처기업 기준(5% 이상)에 해당합니다.",
  "reason.capability.rnd_ratio.following": "연구개발비가 매출의 {ratio}입니다.",
  "reason.capability.patents": "특허 {count}건을 보유하고 있습니다.",
  "reason.capability.answers.both":
    "답변에 따르면 기술을 주로 자체 연구개발로 얻고 특허로 보호합니다. 연구개발 수치가 없어도 혁신형 기업의 특징입니다.",
  "reason.capability.answers.own_rnd": "답변에 따르면 기술을 주로 자체 연구개발로 얻습니다.",
  "reason.capability.answers.patents": "답변에 따르면 혁신의 성과를 특허로 보호합니다.",
  "reason.capability.certified": "{certification} 인증으로 기술 혁신 역량을 인정받았습니다.",
  "reason.capability.mainbiz": "{certification} 인증은 경영 혁신 인증이라 기술 역량의 근거로는 약합니다.",
  "reason.capability.size.following":
    "기술 관련 정보가 없어 규모로 추정했습니다. 직원 {employees}명 규모의 중기업은 대개 연구개발을 이어갈 수 있습니다.",
  "reason.capability.size.small":
    "기술 관련 정보가 없어 규모로 추정했습니다. 직원 50명 미만 기업은 연구개발을 이어가기 어려운 경우가 많습니다. 연구 인력·연구개발비·특허를 입력하면 더 정확해집니다.",
  "reason.capability.result.technology_driven":
    "기술 역량: {capability}. 기술 기회를 스스로 찾고 필요한 기술을 구할 수 있는 단계입니다.",
  "reason.capability.result.technology_following":
    "기술 역량: {capability}. 지역 혁신센터가 가장 중점적으로 돕는 단계입니다.",
  "reason.capability.result.non_technological":
    "기술 역량: {capability}. 새 기술을 직접 보고 익힐 수 있는 시연·실증 지원부터 시작하는 것이 좋습니다.",

  "reason.cooperation.open_innovation":
    "기술 주도형 기업에는 개방형 혁신 협력이 맞습니다. 대기업과 대등한 파트너로 기술을 제공하고, 그 대가를 제대로 받는 장기 관계를 목표로 하세요.",
  "reason.cooperation.high_end_cooperation":
    "기술 추종형 기업에는 공동 연구개발·기술 협력 같은 고도화된 상생협력이 맞습니다.",
  "reason.cooperation.low_end_cooperation":
    "비기술형 기업에는 납품 대금 조기 지급, 공정거래 같은 기본적인 상생협력이 맞습니다.",

  "reason.sme.no_rule": "업종 코드 {division}에 적용할 중소기업 기준이 없어 중소기업 여부를 판단할 수 없습니다.",
  "reason.sme.employees.passes": "직원 {employees}명으로 {sector} 중소기업 기준({limit}명 미만)을 충족합니다.",
  "reason.sme.employees.fails": "직원 {employees}명으로 {sector} 중소기업 인원 기준({limit}명 미만)을 넘습니다.",
  "reason.sme.capital.missing":
    "자본금을 입력하지 않아 직원 수 기준만 적용했습니다({sector}: 자본금 {limit} 이하도 중소기업).",
  "reason.sme.capital.passes": "자본금 {figure}으로 {sector} 기준({limit} 이하)을 충족합니다.",
  "reason.sme.capital.fails": "자본금 {figure}으로 {sector} 기준({limit} 이하)을 넘습니다.",
  "reason.sme.sales.missing":
    "매출액을 입력하지 않아 직원 수 기준만 적용했습니다({sector}: 매출액 {limit} 이하도 중소기업).",
  "reason.sme.sales.passes": "매출액 {figure}으로 {sector} 기준({limit} 이하)을 충족합니다.",
  "reason.sme.sales.fails": "매출액 {figure}으로 {sector} 기준({limit} 이하)을 넘습니다.",

  "reason.eligibility.sme.met": "중소기업 전용 사업이며, 회사는 중소기업 기준을 충족합니다.",
  "reason.eligibility.sme.unknown":
    "중소기업 전용 사업인데, 회사 업종에 적용할 중소기업 기준이 없어 자격을 확인할 수 없습니다.",
  "reason.eligibility.sme.unmet": "중소기업 전용 사업인데, 회사는 중소기업 기준을 넘습니다.",
  "reason.eligibility.max_employees.met": "직원 {cap}명 이하 기업이 대상이며, 회사는 {employees}명입니다.",
  "reason.eligibility.max_employees.unmet": "직원 {cap}명 이하 기업이 대상인데, 회사는 {employees}명입니다.",
  "reason.eligibility.region.nationwide": "전국의 기업이 신청할 수 있습니다.",
  "reason.eligibility.region.met": "회사가 있는 시·도가 지원 대상 지역입니다.",
  "reason.eligibility.region.unmet": "회사가 있는 시·도는 지원 대상 지역이 아닙니다.",
  "reason.eligibility.class.met": "{pavittClass} 기업이 지원 대상에 포함됩니다.",
  "reason.eligibility.class.unmet": "{pavittClass} 기업은 지원 대상이 아닙니다(대상: {targets}).",
  "reason.eligibility.certification.met": "필요한 인증({certifications}) 가운데 하나를 보유하고 있습니다.",
  "reason.eligibility.certification.unmet": "필요한 인증({certifications}) 가운데 하나가 있어야 합니다.",
  "reason.call.status.open": "접수 중: {count}일 뒤 마감({end}).",
  "reason.call.status.last_day": "접수 중: 오늘({end}) 마감.",
  "reason.call.status.rolling": "상시 접수 또는 예산 소진 시까지 접수합니다.",
  "reason.call.status.upcoming": "{start}부터 접수합니다.",
  "reason.call.status.closed": "접수가 끝났습니다({end}).",
  "reason.call.status.unknown": "접수 기간을 읽을 수 없어 접수 중으로 보지 않습니다.",
  "reason.call.status.withdrawn": "포털의 최근 전체 동기화에서 더 이상 제공되지 않아 마감으로 봅니다.",
  "reason.call.region.met": "{regions} 소재 기업 대상({field}: {value}), 기업 소재지가 해당합니다.",
  "reason.call.region.unmet": "{regions} 소재 기업만 신청할 수 있습니다({field}: {value}).",
  "reason.call.applicant.met": "신청 대상 {types}({field}): {firmType} 자격으로 신청할 수 있습니다.",
  "reason.call.applicant.unmet": "신청 대상 {types}({field}): {firmType} 자격은 해당하지 않습니다.",
  "reason.call.pre_founder.met": "예비창업자도 신청할 수 있습니다({field}).",
  "reason.call.pre_founder.unmet": "이미 창업한 기업만 신청할 수 있습니다({field}).",
  "reason.call.age_unknown": "업력 제한이 있어({field}) 창업일(또는 창업 연도)을 입력해야 확인할 수 있습니다.",
  "reason.call.age.met": "업력 {months}개월: {limit} 미만 조건({field})을 충족합니다.",
  "reason.call.age.unmet": "업력 {months}개월: {limit} 미만 조건({field})에 맞지 않습니다.",
  "reason.call.founded_since.met": "{date} 이후 창업 조건({field})을 충족합니다.",
  "reason.call.founded_since.unmet": "{date} 이후 창업한 기업만 신청할 수 있습니다({field}).",
  "reason.call.micro_size.passes": "상시 근로자 {employees}명: {sector} 소상공인 기준({limit}명 미만)에 해당합니다.",
  "reason.call.micro_size.fails":
    "상시 근로자 {employees}명: {sector} 소상공인 기준({limit}명 미만)을 넘어 중소기업으로 봅니다.",
  "reason.call.months": "{years}년 {months}개월",
  "reason.call.years": "{years}년",
  "reason.call.startup_act": "중소기업창업 지원법의 창업기업 기준(7년)",

  "reason.proximity.anywhere": "특정 장소에 가지 않고 신청할 수 있는 사업이라 거리는 따지지 않았습니다.",
  "reason.proximity.unknown": "위치 정보가 없어 거리를 계산하지 않았습니다.",
  "reason.proximity.within_1km": "회사에서 1 km 이내 거리에 있습니다.",
  "reason.proximity.decay": "회사에서 약 {km} km 거리에 있습니다.",
  "reason.proximity.cross_border": "다른 시·도에 있지만 같은 생활·경제권이라 가깝게 이용할 수 있습니다.",
  "reason.reach.beyond":
    "가까이 이용하기 어려운 곳입니다(약 {km}km, 같은 경제권 밖). {reachKm}km 안이나 같은 경제권에 있는 기관이 {count}곳뿐이라 함께 보여 드립니다.",
  "reason.reach.beyond_sea": "바다 건너에 있습니다. 가까이 이용할 수 있는 기관이 {count}곳뿐이라 함께 보여 드립니다.",
  "reason.proximity.same_region.facility": "회사와 같은 시·도에 있습니다.",
  "reason.proximity.same_region.program": "회사가 있는 시·도를 대상으로 하는 지역 사업입니다.",

  "reason.industry.named": "회사 업종({division})을 주력 분야로 다룹니다.",
  "reason.industry.research":
    "연구개발 분야를 다루는 곳으로, 자체 연구에서 기술을 얻는 과학 기반형 기업에 업종과 관계없이 맞습니다.",
  "reason.industry.anchor": "앵커 기업 {anchor}의 주력 분야가 회사 업종({division})과 같습니다.",
  "reason.industry.region_strategic": "회사 업종({division})은 이 지역의 전략산업입니다.",
  "reason.industry.open": "업종 제한이 없는 사업입니다.",
  "reason.industry.section": "회사 업종과 같은 산업 대분류의 업종을 다룹니다.",

  "reason.stance.core_target.facility":
    "전문 공급자형 기업은 지역 혁신센터와 테크노파크가 가장 중점적으로 돕는 대상입니다. 개별 상담과 소그룹 토론으로 기술 자문을 받고, 필요한 기술 원천과도 연결될 수 있습니다.",
  "reason.stance.core_target.program":
    "전문 공급자형 기업에 맞는 기술 지원입니다. 전문 공급자형 기업은 지역 혁신기관이 가장 중점적으로 돕는 대상입니다.",
  "reason.stance.extension_service":
    "공급자 주도형 기업은 설비·소재 공급업체와 기술 보급 기관에서 기술을 얻습니다. 이곳은 업종별 생산기술을 시험·시제품·교육으로 보급하는 기관입니다.",
  "reason.stance.technology_source":
    "연구단지·대학·창업보육센터는 전문 공급자형 기업에 기술 원천이 됩니다. 지역 혁신센터의 연결을 받으면 더 효과적입니다.",
  "reason.stance.intermediary.facility":
    "공급자 주도형 기업은 지역 혁신기관이 두 번째로 중점을 두는 대상입니다. 업종 단체·공급업체 같은 중개 채널과 단체 설명회·시연회를 통해 새 기술을 접하는 것이 효과적입니다.",
  "reason.stance.intermediary.program":
    "시연·단체 설명회나 중개 채널로 새 기술을 전하는 사업으로, 공급자 주도형 기업에 알맞은 방식입니다.",
  "reason.stance.science_based":
    "과학 기반형 기업에는 연구단지, 대학 기술이전센터, 특허 정보, 벤처 투자·금융이 잘 맞습니다.",
  "reason.stance.not_primary":
    "과학 기반형 기업은 자체 연구 역량이 높아 지역 혁신센터의 주된 지원 대상은 아닙니다. 다른 기업에 기술을 공급하는 협력 파트너로 참여할 수 있습니다.",
  "reason.stance.shared_growth":
    "규모 집약형 기업에는 대기업과의 상생협력이 맞습니다. 이곳은 대·중소기업 상생협력 프로그램을 운영합니다.",
  "reason.stance.shared_growth.anchor":
    "규모 집약형 기업에는 대기업과의 상생협력이 맞습니다. 이곳에서는 앵커 기업 {anchor}의 상생협력에 참여할 수 있습니다.",
  "reason.stance.industrial_complex":
    "규모 집약형 기업은 대개 대기업 협력업체로, 산업단지의 대기업 협력망과 기반시설을 활용하는 것이 맞습니다.",
  "reason.stance.not_target":
    "규모 집약형 기업은 지역 혁신센터의 지원 대상이 분명히 아닙니다. 대기업과의 상생협력 프로그램이 더 잘 맞습니다.",
  "reason.stance.program_target": "{pavittClass} 기업을 위해 마련된 사업입니다.",

  "reason.level.capability": "{capability} 기업을 지원 대상으로 정해 둔 사업입니다.",
  "reason.level.finance": "기술 주도형 기업에는 3단계 지원과 함께 투자·금융 연계가 잘 맞습니다.",
  "reason.level.fit": "{level} 지원으로, {capability} 기업에 알맞은 단계입니다.",
  "reason.level.near": "{level} 지원으로, {capability} 기업에 알맞은 {wanted}단계와 한 단계 차이가 납니다.",

  "reason.delivery.fit": "{modes} 방식으로 지원해 {pavittClass} 기업에 잘 맞습니다.",
  "reason.needs.match": "요청하신 지원 분야({needs})를 다룹니다.",
} as const;
