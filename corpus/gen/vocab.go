package gen

// The word lists the generator draws from. Place names are real communes and districts
// of Lạng Sơn and Thái Bình (public geography); people's names are assembled from common
// family, middle and given names, so no generated signer is a real person's full name.

// district is a huyện with some of its communes and the province above it.
type district struct {
	Name     string   // "Cao Lộc"
	Province string   // "Lạng Sơn"
	Communes []string // "Thụy Hùng", …
}

var districts = []district{
	{"Cao Lộc", "Lạng Sơn", []string{"Thụy Hùng", "Hải Yến", "Phú Xá", "Thạch Đạn", "Bình Trung", "Hoàng Đồng", "Bảo Lâm", "Gia Cát"}},
	{"Văn Lãng", "Lạng Sơn", []string{"Hoàng Văn Thụ", "Tân Mỹ", "Thành Hòa", "Hội Hoan", "Nhạc Kỳ", "Tân Tác"}},
	{"Lộc Bình", "Lạng Sơn", []string{"Đông Quan", "Khánh Xuân", "Tú Đoạn", "Hữu Khánh", "Mẫu Sơn", "Yên Khoái"}},
	{"Đông Hưng", "Thái Bình", []string{"Đông Tiến", "Đông La", "Đông Xá", "Mê Linh", "Phong Dương", "Hồng Việt"}},
	{"Kiến Xương", "Thái Bình", []string{"Bình Nguyên", "Quang Trung", "Vũ Lễ", "Thanh Tân", "Bình Thanh", "Lê Lợi"}},
	{"Vũ Thư", "Thái Bình", []string{"Song An", "Tân Hòa", "Việt Hùng", "Minh Lãng", "Hòa Bình", "Dũng Nghĩa"}},
}

var familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Nông", "Hoàng", "Lương"}
var middleNames = []string{"Văn", "Thị", "Hồng", "Minh", "Đức", "Thanh", "Quốc", "Ngọc", "Xuân", "Thu", "Hữu", "Kim"}
var givenNames = []string{"Quân", "Hùng", "Lan", "Hương", "Tuấn", "Dũng", "Mai", "Hà", "Sơn", "Thắng", "Hạnh", "Long", "Nga", "Bình", "Phúc", "Trang", "Khánh", "Thảo", "Cường", "Yến"}

var villages = []string{"Pò Nghiều", "Còn Tòong", "Khuổi Mười", "Nhất Tâm", "Nà Cạn", "Bản Pài", "Thôn Đông", "Thôn Trung", "Thôn Nam", "Lũng Cùng", "Nà Lừa", "Pác Cáp"}

// subjects of documents by type, with %d for the year. The trích yếu of a report or a
// plan names its period and field; these are the shapes seen in the seed and real files.
var subjectsByType = map[string][]string{
	"BC": {
		"Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm %d",
		"Tổng kết công tác thi đua, khen thưởng năm %d",
		"Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội 6 tháng đầu năm %d, phương hướng, nhiệm vụ 6 tháng cuối năm",
		"Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm %d",
		"Tình hình thực hiện công tác cải cách hành chính quý III năm %d",
		"Kết quả công tác bảo trợ xã hội và giảm nghèo năm %d",
		"Kết quả phong trào thi đua yêu nước năm %d",
	},
	"KH": {
		"Công tác thi đua, khen thưởng năm %d",
		"Tổ chức phát động phong trào thi đua đặc biệt năm %d",
		"Thực hiện tháng vệ sinh, tiêu độc khử trùng đợt I năm %d",
		"Triển khai thực hiện nhiệm vụ trọng tâm năm %d",
		"Phòng, chống dịch bệnh truyền nhiễm năm %d",
		"Tổ chức Lễ đón Bằng công nhận xã đạt chuẩn nông thôn mới năm %d",
		"Kiểm tra công tác cải cách hành chính năm %d",
	},
	"QĐ": {
		"Thành lập các tổ phun tiêu độc, khử trùng năm %d",
		"Khen thưởng các tập thể, cá nhân có thành tích trong phong trào thi đua năm %d",
		"Công nhận danh hiệu \"Gia đình văn hóa\" năm %d",
		"Kiện toàn Hội đồng Thi đua - Khen thưởng năm %d",
		"Phê duyệt danh sách hộ nghèo, hộ cận nghèo năm %d",
	},
	"CV": {
		"sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm %d",
		"đăng ký danh hiệu thi đua năm %d",
		"báo cáo số liệu giảm nghèo năm %d",
		"hướng dẫn bình xét thi đua cuối năm %d",
	},
	"TTr": {
		"Đề nghị tặng Giấy khen cho các tập thể, cá nhân năm %d",
		"Đề nghị hỗ trợ xi măng làm đường bê tông nông thôn năm %d",
		"Đề nghị phê duyệt Phương án xây dựng khu dân cư kiểu mẫu năm %d",
	},
	"TB":  {"Kết luận của Chủ tịch UBND tại cuộc họp giao ban tháng %d", "Lịch tiếp công dân năm %d"},
	"HD":  {"Bình xét, đề nghị khen thưởng năm %d", "Tổ chức sơ kết phong trào thi đua năm %d"},
	"NQ":  {"Nhiệm vụ phát triển kinh tế - xã hội năm %d", "Lãnh đạo công tác thi đua, khen thưởng năm %d"},
	"CT":  {"Tăng cường công tác phòng cháy, chữa cháy năm %d"},
	"QC":  {"Quy chế làm việc của Hội đồng Thi đua - Khen thưởng năm %d"},
	"QyĐ": {"Quy định về tiêu chí bình xét danh hiệu thi đua năm %d"},
	"TC":  {"Thông cáo báo chí về kết quả kỳ họp năm %d"},
	"CTr": {"Chương trình công tác trọng tâm năm %d"},
	"PA":  {"Phương án phòng, chống thiên tai năm %d"},
	"ĐA":  {"Đề án phát triển sản phẩm OCOP giai đoạn %d - 2025"},
	"DA":  {"Dự án trồng, cải tạo, chăm sóc cây Hồng không hạt năm %d"},
	"BB":  {"Họp Hội đồng Thi đua - Khen thưởng xét khen thưởng năm %d"},
	"HĐ":  {"Hợp đồng thuê khoán chuyên môn năm %d"},
	"CĐ":  {"Chủ động ứng phó với mưa lũ năm %d"},
	"BGN": {"Ghi nhớ phối hợp tuyên truyền năm %d"},
	"BTT": {"Thỏa thuận phối hợp giữa các xã trong cụm thi đua năm %d"},
	"GUQ": {"Ủy quyền ký hồ sơ năm %d"},
	"GM":  {"Dự hội nghị sơ kết công tác thi đua năm %d"},
	"GGT": {"Giới thiệu công chức liên hệ công tác năm %d"},
	"GNP": {"Nghỉ phép năm %d"},
	"PG":  {"Gửi hồ sơ khen thưởng năm %d"},
	"PC":  {"Chuyển đơn thư năm %d"},
	"PB":  {"Báo lịch họp năm %d"},
	"":    {"Chúc mừng năm mới %d"},
}

// typeNames maps the abbreviations of NĐ 30/2020 Phụ lục III (and CV for công văn) to
// the type name as written in full.
var typeNames = map[string]string{
	"NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QyĐ": "Quy định",
	"TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTr": "Chương trình", "KH": "Kế hoạch",
	"PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản",
	"TTr": "Tờ trình", "HĐ": "Hợp đồng", "CV": "Công văn", "CĐ": "Công điện", "BGN": "Bản ghi nhớ",
	"BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền", "GM": "Giấy mời", "GGT": "Giấy giới thiệu",
	"GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển", "PB": "Phiếu báo", "": "Thư công",
}

// typeWeights says how often each type appears: reports, plans and decisions dominate a
// commune's archive; every one of the 29 types of Điều 7 appears now and then.
var typeWeights = []struct {
	Type   string
	Weight int
}{
	{"BC", 24}, {"KH", 20}, {"QĐ", 14}, {"CV", 10}, {"TTr", 6}, {"TB", 4}, {"HD", 3}, {"NQ", 3},
	{"CT", 1}, {"QC", 1}, {"QyĐ", 1}, {"TC", 1}, {"CTr", 1}, {"PA", 1}, {"ĐA", 1}, {"DA", 1},
	{"BB", 1}, {"HĐ", 1}, {"CĐ", 1}, {"BGN", 1}, {"BTT", 1}, {"GUQ", 1}, {"GM", 1}, {"GGT", 1},
	{"GNP", 1}, {"PG", 1}, {"PC", 1}, {"PB", 1}, {"", 1},
}

// indicatorSubjects are measured quantities with a unit and a plausible target range.
var indicatorSubjects = []struct {
	Subject  string
	Unit     string
	Min, Max float64
	Decimals int
}{
	{"Tổng diện tích gieo trồng các loại cây trồng", "ha", 150, 900, 2},
	{"Diện tích lúa xuân", "ha", 50, 400, 1},
	{"Diện tích trồng rừng", "ha", 10, 120, 1},
	{"Sản lượng lương thực có hạt", "tấn", 300, 3000, 0},
	{"Thu ngân sách trên địa bàn", "đồng", 50_000_000, 2_000_000_000, 0},
	{"Tổng đàn gia cầm", "con", 5000, 40000, 0},
	{"Số hộ tham gia bảo hiểm y tế", "hộ", 300, 1500, 0},
	{"Số lượt khám chữa bệnh", "lượt", 800, 6000, 0},
	{"Chiều dài đường giao thông nông thôn được bê tông hóa", "km", 2, 30, 2},
}

var bases = []string{"so với kế hoạch", "so với chỉ tiêu huyện giao", "so với kế hoạch huyện giao", "so với Nghị quyết HĐND xã"}

// fillers are body sentences of thi đua reports; %s is the commune.
var fillers = []string{
	"Ngay từ đầu năm, cấp ủy, chính quyền %s đã quan tâm lãnh đạo, chỉ đạo các ban ngành, đoàn thể xây dựng kế hoạch thi đua và tổ chức triển khai các phong trào thi đua trên tất cả các lĩnh vực.",
	"Hội đồng Thi đua - Khen thưởng %s hoạt động theo nguyên tắc tập trung dân chủ, việc bình xét thi đua, khen thưởng bảo đảm khách quan, công khai, minh bạch.",
	"Công tác tuyên truyền về phong trào thi đua yêu nước được đẩy mạnh bằng nhiều hình thức phù hợp tới toàn thể cán bộ, công chức và nhân dân %s.",
	"Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn %s cơ bản ổn định, không để xảy ra điểm nóng.",
	"Các trường học trên địa bàn %s duy trì phổ cập giáo dục, chất lượng giáo dục toàn diện từng bước được nâng lên.",
	"Công tác chăm sóc sức khỏe nhân dân, phòng chống dịch bệnh và vệ sinh an toàn thực phẩm tại %s được thực hiện có hiệu quả.",
	"Chương trình mục tiêu quốc gia xây dựng nông thôn mới được triển khai đồng bộ, %s giữ vững 19/19 tiêu chí nông thôn mới.",
	"Sự phối kết hợp giữa cấp ủy, chính quyền, Mặt trận Tổ quốc và các đoàn thể %s có lúc chưa chặt chẽ, công chức làm công tác thi đua còn kiêm nhiệm.",
	"Phong trào thi đua \"Chung tay vì người nghèo - Không để ai bị bỏ lại phía sau\" được cấp ủy, chính quyền %s quan tâm chỉ đạo thực hiện.",
	"Tổ chức ra quân làm thủy lợi, vệ sinh môi trường, làm đường giao thông nông thôn và Tết trồng cây tại các thôn của %s.",
}

// externalRefs are directives from outside the commune that reports cite: decrees, laws
// and Party resolutions. They are not in a generated corpus, so they never resolve.
var externalRefs = []struct {
	Type, Number, Code, Date, Issuer, Subject string
	Year                                      int
}{
	{"NĐ", "91", "NĐ-CP", "2017-07-31", "Chính phủ", "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", 2017},
	{"NĐ", "98", "NĐ-CP", "2023-12-31", "Chính phủ", "quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng", 2023},
	{"NĐ", "30", "NĐ-CP", "2020-03-05", "Chính phủ", "về công tác văn thư", 2020},
	{"TT", "12", "TT-BNV", "2019-12-18", "Bộ Nội vụ", "quy định chi tiết thi hành một số điều của Nghị định số 91/2017/NĐ-CP", 2019},
	{"NQ", "29", "NQ/TW", "2013-11-04", "Ban Chấp hành Trung ương Đảng", "về đổi mới căn bản, toàn diện giáo dục và đào tạo", 0},
	{"NQ", "84", "NQ/HU", "2023-04-29", "Ban Thường vụ Huyện ủy", "về lãnh đạo phát triển kinh tế - xã hội", 0},
	{"CT", "34", "CT/TW", "2014-04-07", "Bộ Chính trị", "về tiếp tục đổi mới công tác thi đua, khen thưởng", 0},
}
