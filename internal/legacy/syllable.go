package legacy

import (
	"strings"
	"unicode/utf8"

	"github.com/baocao/baocao/internal/vntext"
	"golang.org/x/text/unicode/norm"
)

// Detection judges a decoding by the words it produces: a frequent Vietnamese syllable
// is strong evidence, a well-formed but rare one weak evidence, anything else none.

// common are frequent syllables of Vietnamese administrative and everyday text that
// contain a letter outside ASCII (the ones a decoding can change).
var common = toSet(`của và có các được đã để về với là không này những một người năm tháng
ngày theo trên cho đến từ đó như nhiều hơn cũng thì mà nên vì sao nào gì khi lúc đây kia
đi ra vào lên xuống nói biết muốn phải cần rất mỗi cả chỉ vẫn đều sẽ đang rồi nữa lại thế
tôi bạn anh chị em ông bà cô chú nhà nước việt cộng hòa xã hội chủ nghĩa độc lập tự hạnh phúc
số ký hiệu báo cáo quyết định nghị kế hoạch tờ trình công văn thông tư luật điều khoản mục
phần chương thứ nhất hai ba bốn năm sáu bảy tám chín mười trăm nghìn triệu tỷ đồng
ủy ban nhân dân hội đồng đảng bộ sở phòng cục vụ viện trường tỉnh huyện thành phố thị trấn thôn
bản ấp xóm tổ chức cơ quan đơn vị cán công chức viên lãnh đạo chỉ đạo thực hiện triển khai
thi đua khen thưởng tập thể cá nhân gia đình hộ danh hiệu bằng giấy khen huân chương lao động
tiên tiến chiến sĩ xuất sắc kết quả đạt tỷ lệ chỉ tiêu kinh tế văn hóa giáo dục y tế quốc phòng
an ninh trật tự giao thông thủy lợi nông nghiệp lâm sản xuất chăn nuôi trồng trọt diện tích
đất đai tài nguyên môi trường xây dựng mới nông thôn chính sách người có công bảo trợ xã
ngân sách thu chi tiền đầu tư dự án giải phóng mặt bằng tuyên truyền vận động phong trào
đăng ký cấp giải quyết đơn thư khiếu nại tố cáo tiếp hành chính cải cách thủ tục hồ sơ
trực tuyến dịch điện tử thông tin kiểm tra giám sát đánh giá chung những tồn tại hạn chế
nguyên nhân phương hướng nhiệm vụ giải pháp đề xuất kiến nghị trọng tâm cuối đầu sáu tháng
tổng hợp tình hình đặc điểm trong đó gồm bao cụ thể sau trước hiện nay tiếp tục tăng cường
đẩy mạnh nâng cao hiệu quả chất lượng phát triển đảm bảo duy trì quản lý sử dụng quỹ
nội dung yêu cầu trách nhiệm phối hợp đoàn thể mặt trận tổ quốc thanh niên phụ nữ cựu
hướng dẫn chương trình đề án phương án quy chế quy định thông báo biên bản hợp đồng
giai đoạn thời gian kỳ họp nhiệm kỳ khóa lần lượt đợt toàn quốc gia trung ương địa phương
được giao so với cùng kỳ đạt vượt bình quân ước tổng cộng trong đó tăng giảm
sức khỏe bệnh dịch phòng chống học sinh giáo viên mầm non tiểu học trung học cơ sở phổ thông
đạt chuẩn tiêu chí kiểu mẫu văn minh gương điển hình tốt việc làm đời sống vật chất tinh thần
độ tuổi trẻ em người cao tuổi khuyết tật nghèo cận thoát bảo hiểm thẻ trợ cấp hưởng
đường điện nước sạch nhà ở chợ trạm cầu kênh mương rừng cây lúa ngô mía rau con trâu bò lợn
ơn nhớ bác hồ mừng xuân tết lễ hội kỷ niệm truyền thống lịch sử đỏ vàng cờ
rằng vừa còn đâu ai ở bên ngoài giữa dưới trên sau hết cùng nhau thêm bớt đủ đúng sai
ý kiến vấn đề điểm mạnh yếu khó khăn thuận lợi vướng mắc kịp thời thường xuyên liên tục
chặt chẽ nghiêm túc tích cực chủ động hoàn thành tốt xuất phát ổn định vững mạnh`)

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[norm.NFC.String(w)] = true
	}
	return m
}

// wordScore rates one word (letters only, any case): 1 for a frequent syllable, 0.5
// for a well-formed syllable, 0 otherwise.
func wordScore(w string) float64 {
	l := strings.ToLower(w)
	if common[l] {
		return 1
	}
	if wellFormed(l) {
		return 0.5
	}
	return 0
}

// wellFormed reports whether l (lower case, NFC) is a Vietnamese syllable: an onset, a
// rhyme and at most one tone mark (vntext.IsSyllable, shared with the PDF reader's
// garbage-layer check).
func wellFormed(l string) bool {
	return l != "" && utf8.RuneCountInString(l) <= 7 && vntext.IsSyllable(l)
}
