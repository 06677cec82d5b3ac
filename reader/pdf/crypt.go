package pdf

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"hash"

	"github.com/baocao/baocao/reader"
)

// The standard security handler (PDF 32000-1 §7.6.3 and ISO 32000-2 §7.6.4): RC4 40 and
// 128 bits (R2, R3), crypt filters with RC4 or AES-128 (V4 R4) and AES-256 (V5 R5, R6).
// The library decrypts R2..R4 but derives 40-bit object keys wrongly and has no
// AES-256, so the repair step decrypts every file itself.

var passwordPad = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

type cryptMethod int

const (
	cryptNone cryptMethod = iota
	cryptRC4
	cryptAESV2
	cryptAESV3
)

// security holds what decrypting a file needs.
type security struct {
	key        []byte
	v          int
	strMethod  cryptMethod
	stmMethod  cryptMethod
	encryptMD  bool // metadata streams are encrypted too
	keyForR2R4 bool // object keys are derived per object (V < 5)
}

// newSecurity checks password against the encryption dictionary and returns the file
// key. A wrong (or missing) password is reader.ErrEncrypted.
func newSecurity(enc pdict, id []byte, password string) (*security, error) {
	if f := enc.name("Filter"); f != "Standard" {
		return nil, reader.Errorf(reader.ErrUnsupported, "encryption handler %q", f)
	}
	v, _ := enc.int("V")
	r, _ := enc.int("R")
	s := &security{v: int(v), encryptMD: true}
	if b, ok := enc["EncryptMetadata"].(bool); ok {
		s.encryptMD = b
	}
	switch v {
	case 1, 2:
		s.strMethod, s.stmMethod = cryptRC4, cryptRC4
	case 4, 5:
		cf, _ := enc["CF"].(pdict)
		method := func(name string) (cryptMethod, error) {
			if name == "" || name == "Identity" {
				return cryptNone, nil
			}
			d, _ := cf[name].(pdict)
			switch d.name("CFM") {
			case "V2":
				return cryptRC4, nil
			case "AESV2":
				return cryptAESV2, nil
			case "AESV3":
				return cryptAESV3, nil
			case "None", "":
				return cryptNone, nil
			}
			return 0, reader.Errorf(reader.ErrUnsupported, "crypt filter method %q", d.name("CFM"))
		}
		var err error
		if s.strMethod, err = method(enc.name("StrF")); err != nil {
			return nil, err
		}
		if s.stmMethod, err = method(enc.name("StmF")); err != nil {
			return nil, err
		}
	default:
		return nil, reader.Errorf(reader.ErrUnsupported, "encryption version V=%d", v)
	}
	o, u := enc.str("O"), enc.str("U")
	p, _ := enc.int("P")
	if r >= 5 {
		if len(o) < 48 || len(u) < 48 {
			return nil, reader.Errorf(reader.ErrCorrupt, "encryption dictionary: short O or U")
		}
		key := r6Key(int(r), []byte(password), o, u, enc.str("OE"), enc.str("UE"))
		if key == nil {
			return nil, reader.ErrEncrypted
		}
		s.key = key
		return s, nil
	}
	if r < 2 || len(o) < 32 || len(u) < 32 {
		return nil, reader.Errorf(reader.ErrCorrupt, "encryption dictionary: R=%d, O and U of %d and %d bytes", r, len(o), len(u))
	}
	n := 5
	if r >= 3 {
		bits, ok := enc.int("Length")
		if !ok {
			bits = 40
		}
		if v == 4 {
			bits = 128 // V4 keys are 128 bits; some writers leave Length out
		}
		if bits < 40 || bits > 128 || bits%8 != 0 {
			return nil, reader.Errorf(reader.ErrCorrupt, "encryption key of %d bits", bits)
		}
		n = int(bits / 8)
	}
	s.keyForR2R4 = true
	try := func(pw []byte) []byte {
		key := r4Key(pw, o, uint32(p), id, int(r), n, s.encryptMD)
		if checkUser(key, u, id, int(r)) {
			return key
		}
		return nil
	}
	pw := []byte(password)
	if key := try(pw); key != nil {
		s.key = key
		return s, nil
	}
	if password != "" { // maybe the owner password: recover the user password from O
		if key := try(userFromOwner(pw, o, int(r), n)); key != nil {
			s.key = key
			return s, nil
		}
	}
	return nil, reader.ErrEncrypted
}

func padPassword(pw []byte) []byte {
	out := make([]byte, 32)
	n := copy(out, pw)
	copy(out[n:], passwordPad)
	return out
}

// r4Key is Algorithm 2: the file key from a user password.
func r4Key(pw, o []byte, p uint32, id []byte, r, n int, encryptMD bool) []byte {
	h := md5.New()
	h.Write(padPassword(pw))
	h.Write(o[:32])
	h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
	h.Write(id)
	if r >= 4 && !encryptMD {
		h.Write([]byte{0xff, 0xff, 0xff, 0xff})
	}
	key := h.Sum(nil)
	if r >= 3 {
		for i := 0; i < 50; i++ {
			sum := md5.Sum(key[:n])
			key = sum[:]
		}
	}
	return key[:n]
}

// checkUser is Algorithms 4 and 5: does key produce the U entry?
func checkUser(key, u, id []byte, r int) bool {
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		got := make([]byte, 32)
		c.XORKeyStream(got, passwordPad)
		return bytes.Equal(got, u[:32])
	}
	h := md5.New()
	h.Write(passwordPad)
	h.Write(id)
	got := h.Sum(nil)
	rc4Rounds(key, got, false)
	return bytes.Equal(got[:16], u[:16])
}

// rc4Rounds applies RC4 with key XOR i for i = 0..19 (or 19..0 when reverse).
func rc4Rounds(key, data []byte, reverse bool) {
	k := make([]byte, len(key))
	for j := 0; j < 20; j++ {
		i := j
		if reverse {
			i = 19 - j
		}
		for x := range key {
			k[x] = key[x] ^ byte(i)
		}
		c, _ := rc4.NewCipher(k)
		c.XORKeyStream(data, data)
	}
}

// userFromOwner is Algorithm 7: decrypt O with the owner password's key to get the
// user password.
func userFromOwner(owner, o []byte, r, n int) []byte {
	sum := md5.Sum(padPassword(owner))
	key := sum[:]
	if r >= 3 {
		for i := 0; i < 50; i++ {
			s := md5.Sum(key)
			key = s[:]
		}
	}
	key = key[:n]
	out := append([]byte(nil), o[:32]...)
	if r == 2 {
		c, _ := rc4.NewCipher(key)
		c.XORKeyStream(out, out)
	} else {
		rc4Rounds(key, out, true)
	}
	return out
}

// r6Key is Algorithms 2.A/2.B: the AES-256 file key from the user or owner password.
func r6Key(r int, pw, o, u, oe, ue []byte) []byte {
	if len(pw) > 127 {
		pw = pw[:127]
	}
	hashFn := func(salt, udata []byte) []byte {
		if r == 5 {
			h := sha256.New()
			h.Write(pw)
			h.Write(salt)
			h.Write(udata)
			return h.Sum(nil)
		}
		return hash2B(pw, salt, udata)
	}
	decryptKey := func(k, e []byte) []byte {
		if len(e) < 32 {
			return nil
		}
		block, err := aes.NewCipher(k)
		if err != nil {
			return nil
		}
		out := make([]byte, 32)
		cipher.NewCBCDecrypter(block, make([]byte, 16)).CryptBlocks(out, e[:32])
		return out
	}
	if bytes.Equal(hashFn(u[32:40], nil), u[:32]) {
		return decryptKey(hashFn(u[40:48], nil), ue)
	}
	if bytes.Equal(hashFn(o[32:40], u[:48]), o[:32]) {
		return decryptKey(hashFn(o[40:48], u[:48]), oe)
	}
	return nil
}

// hash2B is the iterated hash of ISO 32000-2 Algorithm 2.B (R6).
func hash2B(pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	var k1, e []byte
	for i := 0; ; i++ {
		k1 = k1[:0]
		for j := 0; j < 64; j++ {
			k1 = append(k1, pw...)
			k1 = append(k1, k...)
			k1 = append(k1, udata...)
		}
		block, _ := aes.NewCipher(k[:16])
		if cap(e) < len(k1) {
			e = make([]byte, len(k1))
		}
		e = e[:len(k1)]
		cipher.NewCBCEncrypter(block, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, b := range e[:16] {
			sum += int(b)
		}
		var hf hash.Hash
		switch sum % 3 {
		case 0:
			hf = sha256.New()
		case 1:
			hf = sha512.New384()
		default:
			hf = sha512.New()
		}
		hf.Write(e)
		k = hf.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// objectKey derives the key for object (id, gen) (Algorithm 1).
func (s *security) objectKey(id, gen int, m cryptMethod) []byte {
	if !s.keyForR2R4 {
		return s.key
	}
	h := md5.New()
	h.Write(s.key)
	h.Write([]byte{byte(id), byte(id >> 8), byte(id >> 16), byte(gen), byte(gen >> 8)})
	if m == cryptAESV2 {
		h.Write([]byte("sAlT"))
	}
	k := h.Sum(nil)
	return k[:min(len(s.key)+5, 16)]
}

// decrypt decrypts a string or stream of object (id, gen). Data that cannot be
// decrypted (a short AES block) is returned as it is: one bad string must not lose
// the page.
func (s *security) decrypt(data []byte, id, gen int, m cryptMethod) []byte {
	switch m {
	case cryptNone:
		return data
	case cryptRC4:
		c, err := rc4.NewCipher(s.objectKey(id, gen, m))
		if err != nil {
			return data
		}
		out := make([]byte, len(data))
		c.XORKeyStream(out, data)
		return out
	}
	if len(data) < 32 || len(data)%16 != 0 {
		if len(data) >= 16 && len(data)%16 == 0 { // only an IV: empty string
			return nil
		}
		return data
	}
	block, err := aes.NewCipher(s.objectKey(id, gen, m))
	if err != nil {
		return data
	}
	out := make([]byte, len(data)-16)
	cipher.NewCBCDecrypter(block, data[:16]).CryptBlocks(out, data[16:])
	if pad := int(out[len(out)-1]); pad >= 1 && pad <= 16 && pad <= len(out) {
		out = out[:len(out)-pad]
	}
	return out
}
