package org.onewindow.catalog.domain;

/**
 * The names of a catalog item's elements (事项要素) as its JSON form spells them, in the API, the export files and
 * the stored versions: the one place they are written. {@link CatalogItem} is the typed item these name; code in
 * every module reads an element through these constants, never through a literal.
 *
 * <p>The two limits keep their JSON names {@code statutoryLimitDays} and {@code promisedLimitDays} for the files
 * and clients that already use them; both are working days (工作日), as the Java names of {@link WorkingDayLimits}
 * say.
 */
public final class ItemElements {

    // The item.
    /** 事项编码, e.g. {@code RS-0001}. */
    public static final String CODE = "code";
    /** 事项名称. */
    public static final String NAME = "name";
    /** 别名: what citizens call the item, for the search. */
    public static final String ALIASES = "aliases";
    /** 事项类型, one of {@link ItemRules#VOCABULARIES}' {@code type}. */
    public static final String TYPE = "type";
    /** 服务对象: natural persons, legal persons or both. */
    public static final String SERVICE_OBJECT = "serviceObject";
    /** 实施部门: the county department's code. */
    public static final String DEPARTMENT = "department";
    /** 办理层级: the tier that decides. */
    public static final String HANDLING_TIER = "handlingTier";
    /** 受理层级: the tiers that may take a case in. */
    public static final String INTAKE_TIERS = "intakeTiers";
    /** 即办件. */
    public static final String ON_THE_SPOT = "onTheSpot";
    /** 可告知承诺. */
    public static final String COMMITMENT_ALLOWED = "commitmentAllowed";
    /** 法定时限, working days. */
    public static final String STATUTORY_LIMIT_DAYS = "statutoryLimitDays";
    /** 承诺时限, working days. */
    public static final String PROMISED_LIMIT_DAYS = "promisedLimitDays";
    /** 网办深度, 0 to 4. */
    public static final String ONLINE_DEPTH = "onlineDepth";
    /** 最多跑动次数. */
    public static final String MAX_VISITS = "maxVisits";
    /** 设定依据: the laws, one per entry. */
    public static final String LEGAL_BASIS = "legalBasis";
    /** 主题. */
    public static final String THEMES = "themes";
    /** 人生事件. */
    public static final String LIFE_EVENTS = "lifeEvents";
    /** 受理条件. */
    public static final String CONDITIONS = "conditions";
    /** 审查标准. */
    public static final String ACCEPTANCE_CRITERIA = "acceptanceCriteria";
    /** 收费项目. */
    public static final String FEES = "fees";
    /** 申请材料. */
    public static final String MATERIALS = "materials";
    /** 办理结果类型. */
    public static final String RESULT_TYPE = "resultType";
    /** 结果证照类型, or null when the result is no licence. */
    public static final String RESULT_LICENSE_TYPE = "resultLicenseType";
    /** 办理流程: the process template and its steps. */
    public static final String PROCESS = "process";
    /** 申请表: see {@link ApplicationForm}. */
    public static final String APPLICATION_FORM = "applicationForm";

    // What a tier may set for its own area (本级调整), see OverridePolicy.
    /** 本级受理窗口. */
    public static final String LOCAL_WINDOW = "localWindow";
    /** 本级服务网点. */
    public static final String LOCAL_SERVICE_POINT = "localServicePoint";
    /** 本级说明. */
    public static final String LOCAL_NOTES = "localNotes";
    /** 办事指引. */
    public static final String GUIDANCE = "guidance";
    /** 本级增加的非必需材料. */
    public static final String EXTRA_MATERIALS = "extraMaterials";
    /** Whether the tier offers the item at all (本级是否开展). */
    public static final String OFFERED = "offered";
    /** 本级减免. */
    public static final String FEE_REDUCTIONS = "feeReductions";
    /** 本级增加的申请表选填项. */
    public static final String EXTRA_FORM_FIELDS = "extraFormFields";

    // A material's elements (besides code and name).
    /** 材料形式: original, copy or electronic. */
    public static final String MATERIAL_FORM = "form";
    /** 份数. */
    public static final String MATERIAL_COPIES = "copies";
    /** 是否必需. */
    public static final String MATERIAL_MANDATORY = "mandatory";
    /** 来源: {@code APPLICANT}, {@code ELICENSE:…}, {@code SHARED:…}. */
    public static final String MATERIAL_SOURCES = "sources";
    /** 备注. */
    public static final String MATERIAL_NOTE = "note";

    // A fee's elements (besides name).
    /** 收费依据. */
    public static final String FEE_BASIS = "basis";
    /** 计费单位, e.g. {@code CNY_PER_SQM}. */
    public static final String FEE_UNIT = "unit";
    /** 金额 in yuan, as the item states it ({@code "60.00"}). */
    public static final String FEE_AMOUNT = "amount";
    /** 收费部门. */
    public static final String FEE_COLLECTED_BY = "collectedBy";

    // The process element's parts.
    /** The process template's key, e.g. {@code tiered-review}. */
    public static final String PROCESS_TEMPLATE = "template";
    /** The process's steps, in order. */
    public static final String PROCESS_STEPS = "steps";
    /** A step's name, e.g. {@code town-review}. */
    public static final String STEP = "step";
    /** The tier of a step: {@code VILLAGE}, {@code TOWN} or {@code COUNTY}. */
    public static final String STEP_TIER = "tier";
    /** The department of a county step. */
    public static final String STEP_DEPARTMENT = "department";

    private ItemElements() {}
}
